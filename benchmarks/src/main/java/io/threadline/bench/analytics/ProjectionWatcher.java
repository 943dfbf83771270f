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
 * summed over types) and waits until it has applied a given number more.
 *
 * <p>The meter comes with the whole Prometheus scrape (some 130 KB of text, which the service formats on every
 * read), so it is read every 250 ms: often enough for runs of tens of seconds, rarely enough not to take a
 * noticeable share of the service's CPU (at every 100 ms the scrapes were 13 % of it during a live run).
 */
final class ProjectionWatcher {

    private static final Pattern APPLIED =
            Pattern.compile("(?m)^threadline_analytics_projected_events_total\\{[^}]*} (\\S+)$");
    private static final long POLL_MILLIS = 250;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI metrics;

    ProjectionWatcher(URI analytics) {
        this.metrics = analytics.resolve("/q/metrics");
    }

    long applied() throws InterruptedException {
        try {
            String body = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = APPLIED.matcher(body);
            double total = 0;
            while (m.find()) {
                total += Double.parseDouble(m.group(1));
            }
            return (long) total;
        } catch (IOException e) {
            throw new IllegalStateException("analytics-service metrics at " + metrics + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The instant the applied count was first seen at {@code target} or more (at most one poll late); null if not
     * within the timeout.
     */
    Instant awaitApplied(long target, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (applied() >= target) {
                return Instant.now();
            }
            Thread.sleep(POLL_MILLIS);
        }
        return null;
    }
}
