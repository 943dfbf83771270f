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

/** Calls {@code GET /api/v1/metrics/volumes} in tests. */
public final class VolumeApi {

    public static final String PATH = "/api/v1/metrics/volumes";
    /** The consumer group's first join waits for the broker's initial rebalance delay: allow for it. */
    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(45);

    private VolumeApi() {
    }

    public static JsonNode get(Map<String, String> query) {
        RequestSpecification request = given();
        query.forEach(request::queryParam);
        String body = request.when().get(PATH).then().statusCode(200).extract().asString();
        return json(body);
    }

    /** Polls until the report equals {@code expectedJson} exactly; counts only grow, so an overcount never matches. */
    public static void awaitReport(Map<String, String> query, String expectedJson) {
        JsonNode expected = json(expectedJson);
        await().atMost(PROJECTION_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(get(query)).isEqualTo(expected));
    }

    public static JsonNode json(String text) {
        try {
            return TicketEventProducer.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
