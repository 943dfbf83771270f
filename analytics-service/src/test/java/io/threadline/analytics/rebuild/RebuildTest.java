package io.threadline.analytics.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.mongodb.client.MongoClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.threadline.analytics.EventFactory;
import io.threadline.analytics.EventPublisher;
import io.threadline.analytics.GoldenHistory;
import io.threadline.analytics.KpiApi;
import io.threadline.analytics.TestTokens;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.testsupport.InfrastructureResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A rebuild from the replay source gives the numbers the live path gave. The history goes through the real broker
 * first; then a WireMock replay source serves the same events in two pages (with the personal fields of the
 * events of one customer nulled, as the replay source serves an erased customer), and the rebuilt copy must answer
 * every KPI query exactly as the live copy did.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ReplaySourceServer.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildTest {

    private static final String PATH = "/api/v1/replay/events";
    private static final Map<String, String> WINDOW = Map.of("from", "2048-11-02T00:00:00Z", "to", "2048-11-04T00:00:00Z");

    WireMockServer replaySource;

    @Inject
    MongoClient mongo;

    @Test
    @Order(1)
    void aRebuildFromTheReplaySourceGivesIdenticalNumbers() throws Exception {
        List<IntegrationEvent> history = GoldenHistory.events("rb-", 2048);
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.publish(history);
        }
        // The live path has projected everything: the golden volumes (see GoldenKpiApiTest) are there.
        KpiApi.awaitValue("volumes", WINDOW, "/totals/customersRegistered", 2);
        KpiApi.awaitValue("volumes", WINDOW, "/totals/ticketsSolved", 4);
        KpiApi.awaitValue("satisfaction", WINDOW, "/totals/npsPromoters", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> KpiApi.get("backlog", Map.of()).get("total").asLong() == 2);
        Map<String, JsonNode> live = answers();

        List<IntegrationEvent> replayed = erasedPersonalData(history, "rb-A");
        int half = replayed.size() / 2;
        replaySource.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", absent())
                .willReturn(okJson(page(replayed.subList(0, half), "cursor-1"))));
        replaySource.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", WireMock.equalTo("cursor-1"))
                .willReturn(okJson(page(replayed.subList(half, replayed.size()), null))));

        admin().post("/api/v1/rebuilds")
                .then().statusCode(202)
                .body("state", equalTo("RUNNING"))
                .body("generation", equalTo(2))
                .body("servedGeneration", equalTo(1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> admin().get("/api/v1/rebuilds/current")
                .then().statusCode(200)
                .body("state", equalTo("DONE"))
                .body("servedGeneration", equalTo(2)));

        assertThat(answers()).isEqualTo(live);
        replaySource.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + ReplaySourceServer.TOKEN)));
        // The first pass read both pages; the last pass, under the switch lock, read the second page again.
        JsonNode status = KpiApi.json(admin().get("/api/v1/rebuilds/current").asString());
        assertThat(status.get("eventsRead").asLong()).isEqualTo(replayed.size() + (replayed.size() - half));
        assertThat(status.get("eventsRejected").asLong()).isZero();
        assertThat(mongo.getDatabase("threadline-analytics").listCollectionNames().into(new ArrayList<>()))
                .contains("g2_buckets", "g2_tickets").doesNotContain("g1_buckets", "g1_tickets");
        assertThat(given().get("/q/metrics").asString())
                .contains("threadline_analytics_rebuild_events_read " + (double) status.get("eventsRead").asLong());

        // Live events after the switch land in the new copy, on top of what the replay built.
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.publish(EventFactory.withSequence(new EventFactory().reply("rb-E", "2048-11-03T18:00:00Z"), 50));
        }
        KpiApi.awaitValue("response-times", WINDOW, "/totals/firstResponse/count", 4);
    }

    @Test
    @Order(2)
    void aSecondRebuildWhileOneRunsIsAConflict() {
        replaySource.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(page(List.of(), null))
                .withFixedDelay(3000)));
        admin().post("/api/v1/rebuilds").then().statusCode(202);
        admin().post("/api/v1/rebuilds")
                .then().statusCode(409)
                .contentType("application/problem+json");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> admin().get("/api/v1/rebuilds/current")
                .then().body("state", equalTo("DONE")));
    }

    @Test
    @Order(3)
    void rebuildsAreForAdminsOnly() {
        given().when().get("/api/v1/rebuilds/current").then().statusCode(401);
        given().when().post("/api/v1/rebuilds")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://threadline.io/problems/unauthorized"));
        given().header("Authorization", "Bearer not-a-jwt").when().post("/api/v1/rebuilds")
                .then().statusCode(401)
                .contentType("application/problem+json");
        for (String path : List.of("/api/v1/rebuilds", "/api/v1/rebuilds/current")) {
            RequestSpecification agent = given().header("Authorization", TestTokens.agent()).when();
            (path.endsWith("current") ? agent.get(path) : agent.post(path))
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://threadline.io/problems/forbidden"));
        }
        admin().get("/api/v1/rebuilds/current").then().statusCode(200).body("state", equalTo("DONE"));
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", TestTokens.admin()).when();
    }

    /** The KPI answers the test compares: every family over the window, by day, broken down and filtered. */
    private static Map<String, JsonNode> answers() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String kpi : List.of("volumes", "response-times", "resolution-rates", "satisfaction")) {
            answers.put(kpi, KpiApi.get(kpi, WINDOW));
            answers.put(kpi + " by agent in Paris", KpiApi.get(kpi, Map.of("from", WINDOW.get("from"),
                    "to", WINDOW.get("to"), "by", "agent", "zone", "Europe/Paris")));
            answers.put(kpi + " of chat by hour", KpiApi.get(kpi, Map.of("from", WINDOW.get("from"),
                    "to", WINDOW.get("to"), "channel", "chat", "interval", "hour")));
        }
        JsonNode backlog = KpiApi.get("backlog", Map.of()).deepCopy();
        ((ObjectNode) backlog).remove(List.of("asOf", "oldestUnansweredSeconds"));
        answers.put("backlog", backlog);
        return answers;
    }

    /** The replay source nulls the personal fields of an erased customer's events. */
    private static List<IntegrationEvent> erasedPersonalData(List<IntegrationEvent> history, String ticketId) {
        List<IntegrationEvent> replayed = new ArrayList<>();
        for (IntegrationEvent event : history) {
            if (ticketId.equals(event.aggregateId()) || EventFactory.customer(ticketId).equals(event.aggregateId())) {
                ObjectNode payload = event.payload().deepCopy();
                for (String field : List.of("sender", "subject", "text", "comment", "displayName", "recipient")) {
                    if (payload.has(field)) {
                        payload.putNull(field);
                    }
                }
                event = new IntegrationEvent(event.eventId(), event.type(), event.schemaVersion(), event.aggregateType(),
                        event.aggregateId(), event.aggregateSequence(), event.occurredAt(), event.customerId(), payload);
            }
            replayed.add(event);
        }
        return replayed;
    }

    private static String page(List<IntegrationEvent> events, String nextCursor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("events", events);
        body.put("nextCursor", nextCursor);
        try {
            return EventFactory.JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
