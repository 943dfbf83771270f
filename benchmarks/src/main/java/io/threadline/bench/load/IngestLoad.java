package io.threadline.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the plan's messages to the integrator API with a fixed number of requests in flight (a closed loop:
 * the next request leaves when an answer frees a slot), and times each request from send to answer.
 */
public final class IngestLoad {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int FAILURE_SAMPLES = 5;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final HttpClient http;
    private final URI endpoint;
    private final String apiKey;
    private final int concurrency;
    private final ObjectMapper json;
    private final PrintStream progress;

    public IngestLoad(URI gateway, String apiKey, int concurrency, ObjectMapper json, PrintStream progress) {
        // HTTP/1.1 as integrators' webhooks use it: one request per connection at a time, so the client opens
        // up to `concurrency` keep-alive connections.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.endpoint = URI.create(gateway + "/api/v1/inbound/messages");
        this.apiKey = apiKey;
        this.concurrency = concurrency;
        this.json = json;
        this.progress = progress;
    }

    public LoadResult run(LoadPlan plan) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        Tally tally = new Tally(plan.messages());
        long started = System.nanoTime();
        long nextProgress = started + PROGRESS_EVERY_NANOS;
        for (int message = 0; message < plan.messages(); message++) {
            // Built before the clock starts: the latency is the system's, not the JSON serializer's.
            HttpRequest request = request(plan, message);
            inFlight.acquire();
            long sentAt = System.nanoTime();
            int index = message;
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                try {
                    tally.record(index, System.nanoTime() - sentAt, response, error);
                } finally {
                    inFlight.release();
                }
            });
            if (System.nanoTime() >= nextProgress) {
                progress.printf("  load: %d/%d sent, %d accepted%n", message + 1, plan.messages(), tally.accepted.get());
                nextProgress += PROGRESS_EVERY_NANOS;
            }
        }
        inFlight.acquire(concurrency);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return tally.result(plan.messages(), elapsed);
    }

    private HttpRequest request(LoadPlan plan, int message) {
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
            return HttpRequest.newBuilder(endpoint)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("X-Api-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
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

        void record(int message, long latencyNanos, HttpResponse<String> response, Throwable error) {
            lastAnswerAt.accumulateAndGet(Instant.now(), (a, b) -> a.isAfter(b) ? a : b);
            if (error != null) {
                errors.incrementAndGet();
                sample("message " + message + ": " + error);
                return;
            }
            int status = response.statusCode();
            if (status / 100 != 2) {
                rejected.incrementAndGet();
                rejectedByStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                sample("message " + message + ": HTTP " + status + " " + response.body());
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

        private boolean isDuplicate(String body) {
            try {
                JsonNode answer = json.readTree(body);
                return answer.path("duplicate").asBoolean(false);
            } catch (JsonProcessingException e) {
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
