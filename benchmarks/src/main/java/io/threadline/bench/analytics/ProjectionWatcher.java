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
 */
final class ProjectionWatcher {

    private static final Pattern APPLIED =
            Pattern.compile("(?m)^threadline_analytics_projected_events_total\\{[^}]*} (\\S+)$");

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

    /** The instant the applied count reached {@code target}, polled every 100 ms; empty if not within the timeout. */
    Instant awaitApplied(long target, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (applied() >= target) {
                return Instant.now();
            }
            Thread.sleep(100);
        }
        return null;
    }
}
