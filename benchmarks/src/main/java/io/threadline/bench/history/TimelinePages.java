package io.threadline.bench.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadline.bench.LatencyReport;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Phase 2: pages of 50 entries of one customer with many entries, through the stack's own service. Seeds the
 * timeline through {@code ticket.events} (tickets of 100 entries, one entry an hour, a new ticket every four days:
 * about 25 entries a day over the years), waits until every entry is readable, walks the timeline once to collect
 * its cursors, then times single requests one after another: the oldest page, the newest page, and pages at
 * random cursors in both directions.
 */
final class TimelinePages {

    static final int PAGE = 50;
    private static final int MAX_PAGE = 200;
    private static final int ENTRIES_PER_TICKET = 100;
    private static final int WARM_UP = 100;
    private static final Duration SEED_TIMEOUT = Duration.ofMinutes(10);

    record Result(int entries, LatencyReport latency, Duration seeded) {
    }

    private final HistoryHttp http;
    private final SyntheticEvents events;
    private final String kafka;
    private final PrintStream progress;

    TimelinePages(HistoryHttp http, SyntheticEvents events, String kafka, PrintStream progress) {
        this.http = http;
        this.events = events;
        this.kafka = kafka;
        this.progress = progress;
    }

    Result run(String runId, int entries, int requests, Instant start) throws InterruptedException {
        String customerId = "hb" + runId + "-pages";
        long seedStarted = System.nanoTime();
        try (KafkaEvents kafkaEvents = new KafkaEvents(kafka, events.json(), 5)) {
            kafkaEvents.publish(events.registered(customerId, customerId + "@example.com", start));
            for (int i = 0; i < entries; i++) {
                int ticket = i / ENTRIES_PER_TICKET;
                int n = i % ENTRIES_PER_TICKET;
                String ticketId = customerId + "-t" + ticket;
                String number = "HP-" + ticket;
                Instant at = start.plus(Duration.ofDays(4L * ticket)).plus(Duration.ofHours(n));
                kafkaEvents.publish(n == 0 ? events.ticketStep(customerId, ticketId, number, 0, 1, at)
                        : n % 2 == 1 ? events.message(customerId, ticketId, number, n + 1, at)
                        : events.reply(customerId, ticketId, number, n + 1, at));
            }
            kafkaEvents.flush();
        }
        List<String> cursors = awaitAll(customerId, entries);
        Duration seeded = Duration.ofNanos(System.nanoTime() - seedStarted);
        progress.printf(Locale.ROOT, "      %,d entries readable after %.1f s; timing %,d page requests%n", entries,
                seeded.toMillis() / 1000.0, requests);

        String timeline = "/api/v1/customers/" + customerId + "/timeline?limit=" + PAGE;
        SplittableRandom random = new SplittableRandom(42);
        Histogram micros = new Histogram(60_000_000L, 3);
        for (int i = 0; i < WARM_UP + requests; i++) {
            String query = switch (i % 4) {
                case 0 -> timeline;
                case 1 -> timeline + "&start=newest";
                default -> timeline + "&cursor=" + URLEncoder.encode(cursors.get(random.nextInt(cursors.size())),
                        StandardCharsets.UTF_8);
            };
            long sent = System.nanoTime();
            HttpResponse<String> response = http.get(query);
            long took = (System.nanoTime() - sent) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + query + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= WARM_UP) {
                micros.recordValue(Math.min(took, micros.getHighestTrackableValue()));
            }
        }
        return new Result(entries, LatencyReport.of(micros, 1000), seeded);
    }

    /** Waits until the whole timeline reads back; returns the cursors of all its pages (both directions). */
    private List<String> awaitAll(String customerId, int entries) throws InterruptedException {
        long deadline = System.nanoTime() + SEED_TIMEOUT.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            // Counted in the largest pages, so that waiting loads the service little.
            seen = walk(customerId, MAX_PAGE, new ArrayList<>());
            if (seen >= entries) {
                List<String> cursors = new ArrayList<>();
                walk(customerId, PAGE, cursors);
                return cursors;
            }
            TimeUnit.SECONDS.sleep(5);
        }
        throw new IllegalStateException("Only " + seen + " of " + entries + " entries readable after " + SEED_TIMEOUT);
    }

    private int walk(String customerId, int limit, List<String> cursors) throws InterruptedException {
        String path = "/api/v1/customers/" + customerId + "/timeline?limit=" + limit;
        if (http.get(path).statusCode() == 404) {
            return 0;
        }
        int seen = 0;
        String cursor = null;
        do {
            JsonNode page = http.getJson(cursor == null ? path : path + "&cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            seen += page.path("entries").size();
            if (!page.path("previousCursor").isNull() && !page.path("previousCursor").isMissingNode()) {
                cursors.add(page.path("previousCursor").asText());
            }
            cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode() ? null
                    : page.path("nextCursor").asText();
            if (cursor != null) {
                cursors.add(cursor);
            }
        } while (cursor != null);
        return seen;
    }
}
