package io.threadline.bench.analytics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how many events analytics-service has applied ({@code threadline_analytics_projected_events_total},
 * summed over types) and how long it has spent projecting batches ({@code
 * threadline_analytics_projection_batches_seconds}), and waits until it has applied a given number more.
 *
 * <p>The meter comes with the whole Prometheus scrape (some 130 KB of text, which the service formats on every
 * read: at every 100 ms the scrapes were 13 % of the service's CPU during a live run), so it is read as rarely as the
 * end allows: at most once a second while the pace so far says the target is more than a second away, then every
 * 100 ms. The end is thus seen at most 100 ms late, unless the pace more than doubles in the last seconds.
 */
final class ProjectionWatcher {

    private static final Pattern APPLIED =
            Pattern.compile("(?m)^threadline_analytics_projected_events_total\\{[^}]*} (\\S+)$");
    private static final Pattern BATCHES =
            Pattern.compile("(?m)^threadline_analytics_projection_batches_seconds_count(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern BATCH_SECONDS =
            Pattern.compile("(?m)^threadline_analytics_projection_batches_seconds_sum(?:\\{[^}]*})? (\\S+)$");
    private static final long NEAR_END_POLL_MILLIS = 100;
    private static final long FAR_POLL_MILLIS = 1000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI metrics;

    ProjectionWatcher(URI analytics) {
        this.metrics = analytics.resolve("/q/metrics");
    }

    /** The service's counters at one instant: events applied, batches projected and the time spent on them. */
    record Progress(long applied, long batches, double batchSeconds) {

        /** What happened between {@code earlier} and this. */
        Progress since(Progress earlier) {
            return new Progress(applied - earlier.applied, batches - earlier.batches,
                    batchSeconds - earlier.batchSeconds);
        }

        /** For progress over {@code elapsed}: the share of it the service spent projecting batches. */
        double busyOver(Duration elapsed) {
            return batchSeconds / Math.max(elapsed.toNanos() / 1e9, 1e-9);
        }
    }

    long applied() throws InterruptedException {
        return progress().applied();
    }

    Progress progress() throws InterruptedException {
        try {
            String body = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return parse(body);
        } catch (IOException e) {
            throw new IllegalStateException("analytics-service metrics at " + metrics + " failed: " + e.getMessage(), e);
        }
    }

    static Progress parse(String scrape) {
        Matcher m = APPLIED.matcher(scrape);
        double applied = 0;
        while (m.find()) {
            applied += Double.parseDouble(m.group(1));
        }
        return new Progress((long) applied, (long) single(BATCHES, scrape), single(BATCH_SECONDS, scrape));
    }

    /** The value of a meter without tags; 0 for a service that does not export it (built before it existed). */
    private static double single(Pattern meter, String scrape) {
        Matcher m = meter.matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /**
     * The instant the applied count was first seen at {@code target} or more (at most one near-end poll late while
     * the pace holds); null if not within the timeout.
     */
    Instant awaitApplied(long target, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        long firstCount = -1;
        long firstNanos = 0;
        while (Instant.now().isBefore(deadline)) {
            long count = applied();
            long nanos = System.nanoTime();
            if (count >= target) {
                return Instant.now();
            }
            if (firstCount < 0) {
                firstCount = count;
                firstNanos = nanos;
            }
            Thread.sleep(pause(target - count, count - firstCount, nanos - firstNanos));
        }
        return null;
    }

    /** Until a second before the end the pace so far predicts (at most a second), then the near-end poll. */
    static long pause(long remaining, long appliedSoFar, long elapsedNanos) {
        if (appliedSoFar <= 0 || elapsedNanos <= 0) {
            return NEAR_END_POLL_MILLIS;
        }
        double millisLeft = remaining / (appliedSoFar / (elapsedNanos / 1e6));
        return Math.max(NEAR_END_POLL_MILLIS, Math.min(FAR_POLL_MILLIS, (long) (millisLeft - FAR_POLL_MILLIS)));
    }
}
