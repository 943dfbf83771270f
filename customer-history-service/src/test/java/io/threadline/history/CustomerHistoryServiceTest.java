package io.threadline.history;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

/**
 * The service against a real broker and MongoDB: events on the topics to the REST API, bad requests, health.
 * One class, so the application and its infrastructure start once.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class CustomerHistoryServiceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);
    private static EventPublisher events;

    @BeforeAll
    static void connect() {
        events = new EventPublisher();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void aCustomersMessageAppearsOnTheirTimelineWithItsTicketAndIdentity() {
        String customerId = "c-" + EventPublisher.newId();
        String ticketId = "t-" + EventPublisher.newId();
        String eventId = EventPublisher.newId();
        Instant receivedAt = Instant.parse("2025-03-02T09:14:05.880Z");
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        events.customerRegistered(customerId, "email", customerId + "@Example.com", "Alice Martin");
        events.ticketOpened(customerId, ticketId, "TL-1042", "Order #4411 arrived damaged", acceptedAt);
        events.send(Topics.TICKET_EVENTS, ticketId,
                EventPublisher.messageReceived(eventId, customerId, ticketId, "The mug arrived in pieces.", receivedAt, acceptedAt));

        // The ticket's opening is an entry too; it happened after the message was received.
        JsonPath page = awaitTimeline(customerId, 2);
        assertThat(page.getString("entries[1].type")).isEqualTo("TICKET_OPENED");
        Map<String, Object> entry = page.getMap("entries[0]");
        assertThat(page.getString("customerId")).isEqualTo(customerId);
        assertThat(entry).containsEntry("entryId", eventId)
                .containsEntry("type", "MESSAGE")
                .containsEntry("direction", "INBOUND")
                .containsEntry("channel", "email")
                .containsEntry("ticketId", ticketId)
                .containsEntry("subject", "Order #4411 arrived damaged")
                .containsEntry("text", "The mug arrived in pieces.")
                .containsEntry("author", Map.of("kind", "CUSTOMER", "address", "alice@example.com",
                        "displayName", "Alice Martin"))
                .containsEntry("occurredAt", "2025-03-02T09:14:05.880Z");
        assertThat(Instant.parse((String) entry.get("acceptedAt"))).isEqualTo(acceptedAt);
        assertThat(Instant.parse((String) entry.get("recordedAt"))).isAfterOrEqualTo(acceptedAt);
        assertThat(page.getString("nextCursor")).isNull();

        // The two topics are consumed independently: the registration may land a moment after the message.
        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> asAgent()
                .queryParam("identity", "email:" + customerId.toUpperCase() + "@example.COM")
                .get("/api/v1/customers/lookup")
                .then().statusCode(200)
                .body("customerId", equalTo(customerId))
                .body("displayName", equalTo("Alice Martin"))
                .body("identities[0].channel", equalTo("email"))
                .body("identities[0].address", equalTo(customerId.toLowerCase() + "@example.com"))
                .body("identities[0].verified", equalTo(true)));
        asAgent().get("/api/v1/customers/{id}", customerId)
                .then().statusCode(200).body("customerId", equalTo(customerId));
        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> asAgent()
                .get("/api/v1/customers/{id}/tickets", customerId)
                .then().statusCode(200)
                .body("tickets.size()", equalTo(1))
                .body("tickets[0].ticketId", equalTo(ticketId))
                .body("tickets[0].ticketNumber", equalTo("TL-1042"))
                .body("tickets[0].channel", equalTo("email"))
                .body("tickets[0].subject", equalTo("Order #4411 arrived damaged"))
                .body("tickets[0].status", equalTo("NEW"))
                .body("tickets[0].openedAt", equalTo(acceptedAt.toString())));
    }

    @Test
    void aRedeliveredMessageAddsOneEntryOnly() {
        String customerId = "c-" + EventPublisher.newId();
        String ticketId = "t-" + EventPublisher.newId();
        Instant now = Instant.now();
        IntegrationEvent message = EventPublisher.messageReceived(EventPublisher.newId(), customerId, ticketId, "once",
                now.minusSeconds(2), now);
        IntegrationEvent marker = EventPublisher.messageReceived(EventPublisher.newId(), customerId, ticketId, 3,
                "marker", now.minusSeconds(1), now);

        events.send(Topics.TICKET_EVENTS, ticketId, message);
        events.send(Topics.TICKET_EVENTS, ticketId, message);
        // Same key, same partition: once the marker is projected, the redelivery has been handled too.
        events.send(Topics.TICKET_EVENTS, ticketId, marker);

        JsonPath page = awaitTimeline(customerId, 2);
        assertThat(page.getList("entries.entryId")).containsExactly(message.eventId(), marker.eventId());

        // The redelivery was recognized, not failed: a poison record sent after it reaches the DLQ alone.
        String sentinel = "{poison " + ticketId;
        events.sendRaw(Topics.TICKET_EVENTS, ticketId, sentinel);
        try (TopicReader dlq = TopicReader.of(Topics.deadLetter(Topics.TICKET_EVENTS))) {
            assertThat(dlq.readUntil(r -> sentinel.equals(r.value()), PROJECTED_WITHIN))
                    .noneMatch(r -> r.value().contains(message.eventId()));
        }
    }

    @Test
    void pagesFollowTheOrderOfOccurrenceWhateverTheOrderOfArrival() {
        String customerId = "c-" + EventPublisher.newId();
        Instant t0 = Instant.parse("2025-01-01T10:00:00Z");
        // Published newest first, each on its own ticket (so possibly its own partition); e-2a and e-2b tie on time.
        List<String> expectedOrder = List.of("e-1", "e-2a", "e-2b", "e-3", "e-4");
        Map<String, Instant> occurredAt = Map.of("e-1", t0, "e-2a", t0.plusSeconds(60), "e-2b", t0.plusSeconds(60),
                "e-3", t0.plusSeconds(120), "e-4", t0.plusSeconds(180));
        List<String> newestFirst = new ArrayList<>(expectedOrder);
        Collections.reverse(newestFirst);
        for (String suffix : newestFirst) {
            String ticketId = "t-" + EventPublisher.newId();
            events.send(Topics.TICKET_EVENTS, ticketId, EventPublisher.messageReceived(customerId + "-" + suffix, customerId,
                    ticketId, suffix, occurredAt.get(suffix), Instant.now()));
        }
        awaitTimeline(customerId, 5);

        List<Object> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = asAgent().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/customers/{id}/timeline", customerId)
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("entries.entryId"));
            pageSizes.add(page.getList("entries").size());
            assertThat(page.getMap("$")).containsKey("nextCursor");
            cursor = page.getString("nextCursor");
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(expectedOrder.stream().map(s -> customerId + "-" + s).toList());
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        String customerId = "c-" + EventPublisher.newId();
        String ticketId = "t-" + EventPublisher.newId();
        String unknownTypeId = EventPublisher.newId();
        IntegrationEvent unknownType = new IntegrationEvent(unknownTypeId, "TicketTeleported", 1, "Ticket", ticketId, 1,
                Instant.now(), customerId, EventPublisher.JSON.createObjectNode().put("to", "the moon"));
        IntegrationEvent noCustomer = EventPublisher.messageReceived(EventPublisher.newId(), null, ticketId, "orphan",
                Instant.now(), Instant.now());
        IntegrationEvent healthy = EventPublisher.messageReceived(EventPublisher.newId(), customerId, ticketId, 3,
                "after", Instant.now(), Instant.now());

        events.send(Topics.TICKET_EVENTS, ticketId, unknownType);
        events.sendRaw(Topics.TICKET_EVENTS, ticketId, "{not json " + ticketId);
        events.send(Topics.TICKET_EVENTS, ticketId, noCustomer);
        events.send(Topics.TICKET_EVENTS, ticketId, healthy);

        awaitTimeline(customerId, 1);
        try (TopicReader dlq = TopicReader.of(Topics.deadLetter(Topics.TICKET_EVENTS))) {
            List<ConsumerRecord<String, String>> parked = dlq.readUntil(
                    r -> r.value().contains(noCustomer.eventId()), PROJECTED_WITHIN).stream()
                    .filter(r -> ticketId.equals(r.key())).toList();
            assertThat(parked).hasSize(2);
            assertThat(parked.get(0).value()).isEqualTo("{not json " + ticketId);
            assertThat(parked.get(1).value()).contains(noCustomer.eventId());
            assertThat(parked).allSatisfy(r -> assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
            assertThat(new String(parked.get(1).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("customerId");
            // An unknown type is skipped, not parked: newer producers must not fill the DLQ.
            assertThat(parked).noneMatch(r -> r.value().contains(unknownTypeId));
        }
    }

    // Bad requests name their field; unknown customers are 404; health and OpenAPI are served.

    @Test
    void lookupWithoutIdentityNamesTheParameter() {
        asAgent().get("/api/v1/customers/lookup")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://threadline.io/problems/invalid-request"))
                .body("errors[0].field", equalTo("identity"));
    }

    @Test
    void lookupWithoutChannelNamesTheParameter() {
        asAgent().queryParam("identity", "alice@example.com").get("/api/v1/customers/lookup")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("identity"));
    }

    @Test
    void lookupOfAnUnknownIdentityIsNotFound() {
        asAgent().queryParam("identity", "email:nobody@example.com").get("/api/v1/customers/lookup")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://threadline.io/problems/not-found"));
    }

    @Test
    void unknownCustomersAreNotFoundEverywhere() {
        asAgent().get("/api/v1/customers/nobody").then().statusCode(404).contentType(PROBLEM);
        asAgent().get("/api/v1/customers/nobody/timeline").then().statusCode(404).contentType(PROBLEM);
        asAgent().get("/api/v1/customers/nobody/tickets").then().statusCode(404).contentType(PROBLEM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "abc", "2.5"})
    void limitOutsideOneTo200NamesTheParameter(String limit) {
        asAgent().queryParam("limit", limit).get("/api/v1/customers/nobody/timeline")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "bm90LWEtY3Vyc29y"})
    void aCursorThisApiDidNotIssueNamesTheParameter(String cursor) {
        asAgent().queryParam("cursor", cursor).get("/api/v1/customers/nobody/timeline")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void readinessReflectsKafkaAndMongo() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("MongoDB connection health check"));
    }

    @Test
    void openApiDocumentsTheEndpoints() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/customers/lookup"))
                .body("paths", hasKey("/api/v1/customers/{customerId}/timeline"))
                .body("paths", hasKey("/api/v1/customers/{customerId}/tickets"))
                .body("paths", hasKey("/api/v1/customers/{customerId}/conversation"))
                .body("paths", hasKey("/api/v1/customers/{customerId}/timeline/stream"))
                .body("paths", hasKey("/api/v1/admin/rebuild"))
                .body("tags.name", hasItem("Customers"))
                .body("tags.name", hasItem("Timeline"));
    }

    static RequestSpecification asAgent() {
        return given().header("Authorization", TestTokens.agent());
    }

    static JsonPath awaitTimeline(String customerId, int entries) {
        List<JsonPath> last = new ArrayList<>(1);
        await().atMost(PROJECTED_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath page = asAgent().queryParam("limit", 200).get("/api/v1/customers/{id}/timeline", customerId)
                    .then().statusCode(200).body("entries.size()", equalTo(entries)).extract().jsonPath();
            last.clear();
            last.add(page);
        });
        return last.get(0);
    }
}
