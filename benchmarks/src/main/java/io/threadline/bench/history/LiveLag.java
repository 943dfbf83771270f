package io.threadline.bench.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadline.bench.LatencyReport;
import io.threadline.contracts.events.IntegrationEvent;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Phase 3: the lag from an event on {@code ticket.events} to its entry on a live timeline, under a steady load.
 * Each customer of the load has a ticket and a live stream ({@code …/timeline/stream}, server-sent events) open;
 * events (a message or a reply, each one entry) are published at a fixed rate, round robin over the customers, and
 * the lag of an event is from just before its send to the arrival of its entry on the stream. The service announces
 * an entry on the stream only after storing it, so this is the time until a reader can see it.
 */
final class LiveLag {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final int PRODUCER_LINGER_MS = 5;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    record Result(int rate, int seconds, int customers, long published, double achievedRate, long received,
                  LatencyReport lag) {

        long missing() {
            return published - received;
        }
    }

    private final HistoryHttp http;
    private final SyntheticEvents events;
    private final String kafka;
    private final PrintStream progress;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Histogram lagMicros = new Histogram(600_000_000L, 3);
    private final AtomicLong received = new AtomicLong();
    /** Customers whose stream has delivered an entry. */
    private final Set<String> streaming = ConcurrentHashMap.newKeySet();

    LiveLag(HistoryHttp http, SyntheticEvents events, String kafka, PrintStream progress) {
        this.http = http;
        this.events = events;
        this.kafka = kafka;
        this.progress = progress;
    }

    Result run(String runId, int rate, int seconds, int customers) throws InterruptedException {
        List<String> customerIds = new ArrayList<>();
        long[] seq = new long[customers];
        Instant now = Instant.now();
        // Kafka 4's default linger (5 ms), as ticket-service's relay publishes with: part of the measured lag.
        try (KafkaEvents kafkaEvents = new KafkaEvents(kafka, events.json(), PRODUCER_LINGER_MS)) {
            for (int c = 0; c < customers; c++) {
                String customerId = "hb" + runId + "-live" + c;
                customerIds.add(customerId);
                kafkaEvents.publish(events.ticketStep(customerId, ticketOf(customerId), "HL-" + c, 0, ++seq[c], now));
            }
            kafkaEvents.flush();
            awaitKnown(customerIds);
            List<LiveStream> streams = new ArrayList<>();
            for (String customerId : customerIds) {
                streams.add(open(customerId));
            }
            try {
                // One entry per stream first: every subscription is in place before the timed load. A stream whose
                // request reached the service after its entry was stored gets another one.
                long ready = System.nanoTime() + READY_TIMEOUT.toNanos();
                while (streaming.size() < customers && System.nanoTime() < ready) {
                    for (int c = 0; c < customers; c++) {
                        String customerId = customerIds.get(c);
                        if (!streaming.contains(customerId)) {
                            IntegrationEvent warmUp = events.message(customerId, ticketOf(customerId), "HL-" + c,
                                    ++seq[c], Instant.now());
                            kafkaEvents.publish(warmUp);
                        }
                    }
                    kafkaEvents.flush();
                    TimeUnit.SECONDS.sleep(5);
                }
                if (streaming.size() < customers) {
                    throw new IllegalStateException("Only " + streaming.size() + " of " + customers + " live streams "
                            + "delivered an entry within " + READY_TIMEOUT);
                }
                synchronized (lagMicros) {
                    lagMicros.reset();
                    received.set(0);
                }
                progress.printf(Locale.ROOT, "      %d live streams open; publishing %,d events/s for %d s%n", customers,
                        rate, seconds);
                long total = (long) rate * seconds;
                long intervalNanos = 1_000_000_000L / rate;
                long started = System.nanoTime();
                for (long i = 0; i < total; i++) {
                    long due = started + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    int c = (int) (i % customers);
                    String customerId = customerIds.get(c);
                    Instant at = Instant.now();
                    IntegrationEvent event = i % 2 == 0
                            ? events.message(customerId, ticketOf(customerId), "HL-" + c, ++seq[c], at)
                            : events.reply(customerId, ticketOf(customerId), "HL-" + c, ++seq[c], at);
                    sentAt.put(event.eventId(), System.nanoTime());
                    kafkaEvents.publish(event);
                }
                double achieved = total / Math.max((System.nanoTime() - started) / 1e9, 1e-9);
                kafkaEvents.flush();
                long deadline = System.nanoTime() + SETTLE.toNanos();
                while (received.get() < total && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(100);
                }
                synchronized (lagMicros) {
                    return new Result(rate, seconds, customers, total, achieved, received.get(),
                            LatencyReport.of(lagMicros, 1000));
                }
            } finally {
                streams.forEach(LiveStream::cancel);
            }
        }
    }

    private static String ticketOf(String customerId) {
        return customerId + "-t";
    }

    private void awaitKnown(List<String> customerIds) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (String customerId : customerIds) {
            while (http.get("/api/v1/customers/" + customerId + "/timeline?limit=1").statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Customer " + customerId + " not on a timeline within " + READY_TIMEOUT);
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private LiveStream open(String customerId) {
        LiveStream stream = new LiveStream();
        http.client().sendAsync(http.request("/api/v1/customers/" + customerId + "/timeline/stream")
                        .timeout(Duration.ofHours(1)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(stream));
        return stream;
    }

    private void entryArrived(String line) {
        if (!line.startsWith("data:")) {
            return;
        }
        long now = System.nanoTime();
        try {
            JsonNode entry = events.json().readTree(line.substring(5).trim());
            streaming.add(entry.path("customerId").asText());
            Long sent = sentAt.remove(entry.path("entryId").asText());
            if (sent != null) {
                received.incrementAndGet();
                synchronized (lagMicros) {
                    lagMicros.recordValue(Math.min((now - sent) / 1000, lagMicros.getHighestTrackableValue()));
                }
            }
        } catch (IOException e) {
            progress.println("      unreadable stream line: " + line);
        }
    }

    /** One customer's stream: records the lag of every entry it brings. */
    private final class LiveStream implements Flow.Subscriber<String> {

        private volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            entryArrived(line);
        }

        @Override
        public void onError(Throwable throwable) {
            // A stream cut at the end of the run; a stream cut earlier shows as missing entries.
        }

        @Override
        public void onComplete() {
            // As above.
        }

        void cancel() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
