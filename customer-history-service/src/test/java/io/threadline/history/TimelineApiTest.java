package io.threadline.history;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.outbound.DeliveryStatus;
import io.threadline.testsupport.InfrastructureResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static io.threadline.history.CustomerHistoryServiceTest.asAgent;
import static io.threadline.history.CustomerHistoryServiceTest.awaitTimeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The agent timeline's filters and cursors, the customer-facing conversation, roles, and the live stream. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class TimelineApiTest {

    private static final Instant T0 = Instant.parse("2025-02-01T08:00:00Z");
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
    void theAgentTimelineFiltersAndPagesBothWays() {
        String customerId = "c-" + UUID.randomUUID();
        publishConversation(customerId);
        awaitTimeline(customerId, 7);

        assertThat(page(customerId, "type=NOTE").getList("entries.text")).containsExactly("Reseller, be quick");
        assertThat(page(customerId, "type=MESSAGE&channel=email").getList("entries.direction"))
                .containsExactly("INBOUND", "OUTBOUND");
        assertThat(page(customerId, "type=MESSAGE").getString("entries[1].delivery.status")).isEqualTo("DELIVERED");
        assertThat(page(customerId, "ticket=TL-9001&type=STATUS_CHANGED").getString("entries[0].change.to"))
                .isEqualTo("PENDING");
        assertThat(page(customerId, "since=2025-02-01T08:02:00Z&until=2025-02-01T08:04:00Z").getList("entries"))
                .hasSize(2);

        JsonPath newest = page(customerId, "start=newest&limit=3");
        assertThat(newest.getList("entries.type")).containsExactly("MESSAGE", "STATUS_CHANGED", "SURVEY_ANSWERED");
        assertThat(newest.getString("nextCursor")).isNull();
        JsonPath older = page(customerId, "limit=3&cursor=" + newest.getString("previousCursor"));
        assertThat(older.getList("entries.type")).containsExactly("MESSAGE", "ASSIGNED", "NOTE");
        JsonPath oldest = page(customerId, "limit=3&cursor=" + older.getString("previousCursor"));
        assertThat(oldest.getList("entries.type")).containsExactly("TICKET_OPENED");
        assertThat(oldest.getString("previousCursor")).isNull();
        assertThat(page(customerId, "limit=3&cursor=" + oldest.getString("nextCursor")).getList("entries.type"))
                .containsExactly("MESSAGE", "ASSIGNED", "NOTE");

        asAgent().get("/api/v1/customers/{id}/timeline?type=GOSSIP", customerId)
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
        asAgent().get("/api/v1/customers/{id}/timeline?since=yesterday", customerId)
                .then().statusCode(400).body("errors[0].field", equalTo("since"));
    }

    @Test
    void theConversationShowsCustomersOnlyWhatTheySawAndOnlyToServices() {
        String customerId = "c-" + UUID.randomUUID();
        publishConversation(customerId);
        awaitTimeline(customerId, 7);

        JsonPath conversation = given().header("Authorization", TestTokens.service())
                .get("/api/v1/customers/{id}/conversation", customerId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(conversation.getList("entries.text")).containsExactly("My mug broke", "A new one is on its way");
        assertThat(conversation.getList("entries.author")).containsExactly("Alice Martin", "Support");
        assertThat(conversation.getString("entries[1].deliveryStatus")).isEqualTo("DELIVERED");
        assertThat(conversation.prettify()).doesNotContain("dev-agent", "Reseller", "assignment", "alice@example.com");

        // A chat replaying on reconnect starts at the newest message and walks back.
        JsonPath newest = given().header("Authorization", TestTokens.service()).queryParam("start", "newest")
                .queryParam("limit", 1).get("/api/v1/customers/{id}/conversation", customerId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(newest.getList("entries.text")).containsExactly("A new one is on its way");
        assertThat(newest.getString("nextCursor")).isNull();
        assertThat(given().header("Authorization", TestTokens.service()).queryParam("cursor", newest.getString("previousCursor"))
                .get("/api/v1/customers/{id}/conversation", customerId).then().statusCode(200).extract().jsonPath()
                .getList("entries.text")).containsExactly("My mug broke");
        given().header("Authorization", TestTokens.service()).queryParam("start", "latest")
                .get("/api/v1/customers/{id}/conversation", customerId)
                .then().statusCode(400).body("errors[0].field", equalTo("start"));

        given().get("/api/v1/customers/{id}/conversation", customerId)
                .then().statusCode(401).contentType("application/problem+json");
        asAgent().get("/api/v1/customers/{id}/conversation", customerId)
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/customers/{id}/timeline", customerId).then().statusCode(401);
        given().header("Authorization", TestTokens.service()).get("/api/v1/customers/{id}/timeline", customerId)
                .then().statusCode(403);
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/customers/{id}/timeline", customerId)
                .then().statusCode(401);
    }

    @Test
    void theStreamSendsNewEntriesAsTheyAreStored() throws Exception {
        String customerId = "c-" + UUID.randomUUID();
        TicketScript ticket = new TicketScript(customerId, "t-" + UUID.randomUUID(), "TL-9002", "chat", T0);
        events.send(Topics.TICKET_EVENTS, ticket.id(), ticket.message("visitor-7", "Bo", "first"));
        awaitTimeline(customerId, 1);

        List<String> received = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/v1/customers/" + customerId + "/timeline/stream"))
                .header("Authorization", TestTokens.agent()).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get();
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> response.body().forEach(received::add));
        reader.setDaemon(true);
        reader.start();

        // The subscription starts when the response starts; send until the stream shows the entry.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            events.send(Topics.TICKET_EVENTS, ticket.id(), ticket.message("visitor-7", "Bo", "live"));
            return received.stream().anyMatch(line -> line.startsWith("data:") && line.contains("\"live\""));
        });
        assertThat(received).noneMatch(line -> line.contains("\"first\""));
    }

    private static void publishConversation(String customerId) {
        CustomerScript alice = new CustomerScript(customerId, T0);
        TicketScript ticket = new TicketScript(customerId, "t-" + UUID.randomUUID(), "TL-9001", "email", T0);
        String outboundId = "o-" + UUID.randomUUID();
        events.send(Topics.CUSTOMER_EVENTS, customerId, alice.registered("email", customerId + "@example.com",
                "Alice Martin"));
        for (IntegrationEvent event : List.of(ticket.opened("Broken mug"),
                ticket.message("alice@example.com", "Alice Martin", "My mug broke"), ticket.assigned("ann"),
                ticket.note("Reseller, be quick"), ticket.reply(outboundId, "A new one is on its way"),
                ticket.delivery(outboundId, DeliveryStatus.DELIVERED, null), ticket.status(TicketStatus.NEW, TicketStatus.PENDING), ticket.survey(5, "Fast"))) {
            events.send(Topics.TICKET_EVENTS, ticket.id(), event);
        }
    }

    private static JsonPath page(String customerId, String query) {
        return asAgent().get("/api/v1/customers/{id}/timeline?" + query, customerId)
                .then().statusCode(200).extract().jsonPath();
    }
}
