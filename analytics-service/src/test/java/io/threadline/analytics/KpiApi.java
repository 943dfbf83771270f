package io.threadline.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Calls the KPI endpoints ({@code /api/v1/metrics/<kpi>}) in tests. */
public final class KpiApi {

    public static final String BASE = "/api/v1/metrics/";
    /** The consumer group's first join waits for the broker's initial rebalance delay: allow for it. */
    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(60);

    private KpiApi() {
    }

    public static JsonNode get(String kpi, Map<String, String> query) {
        RequestSpecification request = given();
        query.forEach(request::queryParam);
        return json(request.when().get(BASE + kpi).then().statusCode(200).extract().asString());
    }

    /** Polls until the report equals {@code expectedJson} exactly. */
    public static void awaitReport(String kpi, Map<String, String> query, String expectedJson) {
        JsonNode expected = json(expectedJson);
        await().atMost(PROJECTION_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(get(kpi, query)).isEqualTo(expected));
    }

    /** Polls until the value at {@code pointer} (e.g. {@code /totals/ticketsCreated}) is {@code expected}. */
    public static void awaitValue(String kpi, Map<String, String> query, String pointer, long expected) {
        await().atMost(PROJECTION_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(get(kpi, query).at(pointer).asLong()).isEqualTo(expected));
    }

    public static JsonNode json(String text) {
        try {
            return EventFactory.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
