package io.threadline.bench.analytics;

import io.threadline.bench.LatencyReport;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends each query shape one request at a time (after a short warm-up) and records the latency in µs. */
final class QueryLoad {

    private static final int WARM_UP = 5;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI analytics;

    QueryLoad(URI analytics) {
        this.analytics = analytics;
    }

    /**
     * The shapes measured over [from, to): every KPI family, by day and week, filtered and broken down, including
     * filters that no small cuboid holds.
     */
    static Map<String, String> shapes(Instant from, Instant to) {
        String window = "from=" + from + "&to=" + to;
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("volumes, day, by channel", "volumes?" + window);
        shapes.put("volumes, week, by agent", "volumes?" + window + "&interval=week&by=agent");
        shapes.put("response-times, day", "response-times?" + window);
        shapes.put("response-times, day, channel+group filter", "response-times?" + window + "&channel=email&group=billing");
        shapes.put("resolution-rates, week", "resolution-rates?" + window + "&interval=week");
        shapes.put("satisfaction, day, Europe/Paris", "satisfaction?" + window + "&zone=Europe/Paris");
        // Channel and agent: the cuboid of the two (before it was kept, the cuboid of all four dimensions).
        shapes.put("volumes, day, channel+agent filter", "volumes?" + window + "&channel=email&agent=agent-0-0&by=none");
        shapes.put("response-times, week, by agent, channel filter",
                "response-times?" + window + "&interval=week&by=agent&channel=email");
        // No smaller cuboid holds channel, agent and priority: the cuboid of all four, with its histograms.
        shapes.put("response-times, week, by agent, channel+priority filter",
                "response-times?" + window + "&interval=week&by=agent&channel=email&priority=NORMAL");
        shapes.put("backlog (live)", "backlog");
        return shapes;
    }

    Map<String, LatencyReport> run(Map<String, String> shapes, int requests, Histogram all) throws InterruptedException {
        Map<String, LatencyReport> reports = new LinkedHashMap<>();
        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            URI uri = analytics.resolve("/api/v1/metrics/" + shape.getValue());
            for (int i = 0; i < WARM_UP; i++) {
                get(uri);
            }
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            for (int i = 0; i < requests; i++) {
                long started = System.nanoTime();
                get(uri);
                long micros = (System.nanoTime() - started) / 1000;
                histogram.recordValue(micros);
                all.recordValue(micros);
            }
            reports.put(shape.getKey(), LatencyReport.of(histogram, 1000));
        }
        return reports;
    }

    private void get(URI uri) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(uri + " failed: " + e.getMessage(), e);
        }
    }
}
