package io.threadline.ticket.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.CustomerRegistered;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.ticket.testing.PublishedEvents;
import io.threadline.ticket.testing.TestTokens;
import io.threadline.testsupport.TopicReader;
import io.threadline.testsupport.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** channel.inbound → Axon aggregates in the MongoDB event store → relay → ticket.events / customer.events. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class InboundToTicketEventsTest {

    private static final ObjectMapper JSON = ContractJson.newMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TopicWriter writer;

    @BeforeAll
    static void connect() {
        writer = TopicWriter.of();
    }

    @AfterAll
    static void disconnect() {
        writer.close();
    }

    @Test
    void firstMessageRegistersTheCustomerAndOpensANumberedTicket() throws Exception {
        String sender = "first-" + UUID.randomUUID() + "@example.com";
        InboundMessage message = inbound(sender, "p-" + UUID.randomUUID());
        send(message);

        IntegrationEvent received = PublishedEvents.await(Topics.TICKET_EVENTS, "MessageReceived", message.providerMessageId());
        MessageReceived payload = (MessageReceived) received.payloadAs(JSON).orElseThrow();
        assertThat(payload.threadingRule()).isEqualTo(ThreadingRule.NEW_TICKET);
        assertThat(payload.ticketNumber()).matches("TL-1\\d{3,}");
        assertThat(payload.text()).isEqualTo("Hello there");
        assertThat(payload.acceptedAt()).isEqualTo(message.acceptedAt());
        assertThat(received.aggregateType()).isEqualTo("Ticket");
        assertThat(received.aggregateSequence()).isEqualTo(1);

        IntegrationEvent opened = PublishedEvents.await(Topics.TICKET_EVENTS, "TicketOpened", received.aggregateId());
        assertThat(opened.aggregateSequence()).isZero();
        assertThat(((TicketOpened) opened.payloadAs(JSON).orElseThrow()).ticketNumber()).isEqualTo(payload.ticketNumber());

        IntegrationEvent registered = PublishedEvents.await(Topics.CUSTOMER_EVENTS, "CustomerRegistered", sender);
        CustomerRegistered customer = (CustomerRegistered) registered.payloadAs(JSON).orElseThrow();
        assertThat(customer.customerId()).isEqualTo(received.customerId());
        assertThat(customer.identity().key()).isEqualTo("email:" + sender);

        given().when().get("/api/v1/tickets/" + received.aggregateId() + "/events")
                .then().statusCode(401);
        given().header("Authorization", TestTokens.agent("bob"))
                .when().get("/api/v1/tickets/" + received.aggregateId() + "/events")
                .then().statusCode(200)
                .body("events", hasSize(2))
                .body("events.type", hasItem("TicketOpenedEvent"));
    }

    @Test
    void redeliveryAddsNothingAndAFollowUpJoinsTheOpenTicket() throws Exception {
        String sender = "again-" + UUID.randomUUID() + "@example.com";
        InboundMessage first = inbound(sender, "p-" + UUID.randomUUID());
        send(first);
        send(first);
        InboundMessage followUp = inbound(sender, "p-" + UUID.randomUUID());
        send(followUp);

        IntegrationEvent second = PublishedEvents.await(Topics.TICKET_EVENTS, "MessageReceived", followUp.providerMessageId());
        MessageReceived followUpPayload = (MessageReceived) second.payloadAs(JSON).orElseThrow();
        assertThat(followUpPayload.threadingRule()).isEqualTo(ThreadingRule.OPEN_TICKET);

        List<IntegrationEvent> ticketEvents = eventsOf(second.aggregateId());
        assertThat(ticketEvents).extracting(IntegrationEvent::type)
                .containsExactly("TicketOpened", "MessageReceived", "MessageReceived");
        assertThat(ticketEvents).extracting(IntegrationEvent::aggregateSequence).containsExactly(0L, 1L, 2L);
    }

    @Test
    void replaySourceServesEveryStoredEventAsPublished() throws Exception {
        String sender = "replay-" + UUID.randomUUID() + "@example.com";
        InboundMessage message = inbound(sender, "p-" + UUID.randomUUID());
        send(message);
        IntegrationEvent published = PublishedEvents.await(Topics.TICKET_EVENTS, "MessageReceived", message.providerMessageId());

        List<IntegrationEvent> replayed = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = given().header("Authorization", TestTokens.bearer("root", "admin"))
                    .queryParam("limit", 2).queryParam("after", cursor == null ? "" : cursor)
                    .when().get("/api/v1/replay/events").then().statusCode(200).extract();
            replayed.addAll(List.of(JSON.convertValue(page.path("events"), IntegrationEvent[].class)));
            cursor = page.path("nextCursor");
        } while (cursor != null);

        assertThat(replayed).contains(published);
        assertThat(replayed).extracting(IntegrationEvent::eventId).doesNotHaveDuplicates();
        given().header("Authorization", TestTokens.agent("bob")).when().get("/api/v1/replay/events")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("root", "admin")).queryParam("limit", 0)
                .when().get("/api/v1/replay/events").then().statusCode(400);
        given().header("Authorization", TestTokens.bearer("root", "admin")).queryParam("after", "nope")
                .when().get("/api/v1/replay/events").then().statusCode(400);
    }

    @Test
    void unreadableMessageGoesToTheDeadLetterTopic() {
        String poison = "{\"channel\": 42, \"broken\": " + UUID.randomUUID() + "}";
        writer.send(Topics.CHANNEL_INBOUND, "email:x@example.com", poison);
        try (TopicReader dlq = TopicReader.of(Topics.deadLetter(Topics.CHANNEL_INBOUND))) {
            ConsumerRecord<String, String> parked = dlq.readUntil(r -> r.value().equals(poison), WAIT).stream()
                    .filter(r -> r.value().equals(poison)).findFirst().orElseThrow();
            assertThat(new String(parked.headers().lastHeader("dead-letter-reason").value())).contains("Unreadable");
        }
    }

    @Test
    void readinessReflectsKafkaMongoTheRelayAndTheLiveFeed() {
        // Ready once the live feed's partitions are assigned, a moment after startup.
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("MongoDB connection health check"))
                .body("checks.name", hasItem("Live ticket changes"))
                .body("checks.find { it.name == 'Event relay' }.data.role", equalTo("leader")));
    }

    private static InboundMessage inbound(String sender, String providerMessageId) {
        Instant now = Instant.now();
        return new InboundMessage(providerMessageId, "email", "support@acme.test", new Participant(sender, "Test Sender"),
                List.of(), ThreadReferences.none(), "Question", "Hello there", null, List.of(), now, now, Map.of());
    }

    private static void send(InboundMessage message) {
        writer.send(Topics.CHANNEL_INBOUND, message.kafkaKey(), TopicWriter.json(message));
    }

    /** Every event of one ticket on ticket.events, in topic order (the key keeps them in one partition). */
    private static List<IntegrationEvent> eventsOf(String ticketId) throws Exception {
        try (TopicReader reader = TopicReader.of(Topics.TICKET_EVENTS)) {
            List<ConsumerRecord<String, String>> all = reader.readUntil(r -> r.key().equals(ticketId)
                    && r.value().contains("\"aggregateSequence\":2"), WAIT);
            List<IntegrationEvent> events = new java.util.ArrayList<>();
            for (ConsumerRecord<String, String> r : all) {
                if (r.key().equals(ticketId)) {
                    events.add(JSON.readValue(r.value(), IntegrationEvent.class));
                }
            }
            return events;
        }
    }
}
