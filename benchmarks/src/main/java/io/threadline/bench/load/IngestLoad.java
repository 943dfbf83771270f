package io.threadline.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the plan's messages to the integrator API with a fixed number of requests in flight (a closed loop:
 * the next request leaves when an answer frees a slot), and times each request from send to answer.
 *
 * <p>The client is Vert.x's, on one event loop: the load generator shares the processors with the system it
 * measures, and {@code java.net.http} needed about 0.45 ms of CPU per request here, more than the gateway itself.
 */
public final class IngestLoad {

    private static final long REQUEST_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);
    private static final int FAILURE_SAMPLES = 5;
    private static final long PROGRESS_EVERY_MILLIS = TimeUnit.SECONDS.toMillis(5);

    private final URI endpoint;
    private final String apiKey;
    private final int concurrency;
    private final ObjectMapper json;
    private final PrintStream progress;

    public IngestLoad(URI gateway, String apiKey, int concurrency, ObjectMapper json, PrintStream progress) {
        this.endpoint = URI.create(gateway + "/api/v1/inbound/messages");
        this.apiKey = apiKey;
        this.concurrency = concurrency;
        this.json = json;
        this.progress = progress;
    }

    public LoadResult run(LoadPlan plan) throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        // HTTP/1.1 as integrators' webhooks use it: one request per connection at a time, so the client opens
        // up to `concurrency` keep-alive connections.
        HttpClient http = vertx.createHttpClient(
                new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true)
                        .setConnectTimeout((int) TimeUnit.SECONDS.toMillis(10)),
                new PoolOptions().setHttp1MaxSize(concurrency));
        try {
            Run run = new Run(plan, http, bodies(plan));
            long started = System.nanoTime();
            long timer = vertx.setPeriodic(PROGRESS_EVERY_MILLIS, id -> progress.printf(
                    "  load: %d/%d sent, %d accepted%n", run.sent(), plan.messages(), run.tally.accepted.get()));
            vertx.runOnContext(ignored -> {
                for (int slot = 0; slot < Math.min(concurrency, plan.messages()); slot++) {
                    run.sendNext();
                }
            });
            run.answered.await();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            vertx.cancelTimer(timer);
            return run.tally.result(plan.messages(), elapsed);
        } finally {
            http.close();
            vertx.close();
        }
    }

    /** One run of the plan: each answer sends the next message, on the client's event loop. */
    private final class Run {
        private final LoadPlan plan;
        private final HttpClient http;
        private final Tally tally;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch answered;
        private final Buffer[] bodies;

        Run(LoadPlan plan, HttpClient http, Buffer[] bodies) {
            this.plan = plan;
            this.http = http;
            this.bodies = bodies;
            this.tally = new Tally(plan.messages());
            this.answered = new CountDownLatch(plan.messages());
        }

        int sent() {
            return Math.min(next.get(), plan.messages());
        }

        void sendNext() {
            int message = next.getAndIncrement();
            if (message >= plan.messages()) {
                return;
            }
            Buffer body = bodies[message];
            bodies[message] = null;
            long sentAt = System.nanoTime();
            http.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(endpoint.toString())
                            .putHeader("Content-Type", "application/json").putHeader("X-Api-Key", apiKey)
                            .setTimeout(REQUEST_TIMEOUT_MILLIS))
                    .compose(request -> request.send(body))
                    .compose(response -> response.body().map(answer -> new Answer(response.statusCode(), answer)))
                    .onComplete(outcome -> {
                        try {
                            tally.record(message, System.nanoTime() - sentAt, outcome.result(), outcome.cause());
                        } finally {
                            answered.countDown();
                            sendNext();
                        }
                    });
        }
    }

    private record Answer(int status, Buffer body) {
    }

    /** Every request body, built before the load starts: the load generator's CPU then goes to HTTP only. */
    private Buffer[] bodies(LoadPlan plan) {
        Buffer[] bodies = new Buffer[plan.messages()];
        for (int message = 0; message < bodies.length; message++) {
            bodies[message] = body(plan, message);
        }
        return bodies;
    }

    private Buffer body(LoadPlan plan, int message) {
        int customer = plan.customerOf(message);
        ObjectNode body = json.createObjectNode()
                .put("channel", plan.channelOf(customer))
                .put("providerMessageId", plan.providerMessageId(message));
        body.putObject("sender").put("address", plan.addressOf(customer)).put("displayName", plan.displayNameOf(customer));
        String subject = plan.subjectOf(message);
        if (subject != null) {
            body.put("subject", subject);
        }
        body.put("text", plan.textOf(message));
        try {
            return Buffer.buffer(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a plain JSON object", e);
        }
    }

    /** The answers as they arrive, from the HTTP client's threads. */
    private final class Tally {
        private final Histogram latencyMicros = new ConcurrentHistogram(3);
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger duplicates = new AtomicInteger();
        private final AtomicInteger rejected = new AtomicInteger();
        private final AtomicInteger errors = new AtomicInteger();
        private final Map<Integer, AtomicInteger> rejectedByStatus = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();
        private final AtomicInteger sampled = new AtomicInteger();
        private final BitSet acceptedMessages;
        private final AtomicReference<Instant> lastAnswerAt = new AtomicReference<>(Instant.EPOCH);

        Tally(int messages) {
            acceptedMessages = new BitSet(messages);
        }

        void record(int message, long latencyNanos, Answer response, Throwable error) {
            lastAnswerAt.accumulateAndGet(Instant.now(), (a, b) -> a.isAfter(b) ? a : b);
            if (error != null) {
                errors.incrementAndGet();
                sample("message " + message + ": " + error);
                return;
            }
            int status = response.status();
            if (status / 100 != 2) {
                rejected.incrementAndGet();
                rejectedByStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                sample("message " + message + ": HTTP " + status + " " + response.body().toString());
                return;
            }
            latencyMicros.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
            accepted.incrementAndGet();
            if (isDuplicate(response.body())) {
                duplicates.incrementAndGet();
            }
            synchronized (acceptedMessages) {
                acceptedMessages.set(message);
            }
        }

        private boolean isDuplicate(Buffer body) {
            try {
                JsonNode answer = json.readTree(body.getBytes());
                return answer.path("duplicate").asBoolean(false);
            } catch (java.io.IOException e) {
                sample("unreadable 2xx body: " + body);
                return false;
            }
        }

        private void sample(String failure) {
            if (sampled.getAndIncrement() < FAILURE_SAMPLES) {
                failureSamples.add(failure.length() > 500 ? failure.substring(0, 500) + "..." : failure);
            }
        }

        LoadResult result(int sent, Duration elapsed) {
            Map<Integer, Integer> byStatus = new TreeMap<>();
            rejectedByStatus.forEach((status, count) -> byStatus.put(status, count.get()));
            BitSet acceptedCopy;
            synchronized (acceptedMessages) {
                acceptedCopy = (BitSet) acceptedMessages.clone();
            }
            return new LoadResult(sent, accepted.get(), duplicates.get(), rejected.get(), byStatus, errors.get(),
                    List.copyOf(failureSamples), acceptedCopy, latencyMicros.copy(), elapsed, lastAnswerAt.get());
        }
    }
}
