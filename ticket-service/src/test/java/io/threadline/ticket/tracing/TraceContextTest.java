package io.threadline.ticket.tracing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import io.threadline.testsupport.TopicWriter;
import io.threadline.testsupport.TraceParent;
import io.threadline.ticket.testing.PublishedEvents;
import io.threadline.ticket.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace of a customer message goes on through ticket-service: channel.inbound's trace context is stored with
 * the events it causes and carried on by the relay to ticket.events and customer.events; an agent's request's
 * trace reaches channel.outbound the same way.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class TraceContextTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theInboundRecordsTraceContinuesOnTheEventsItCauses() {
        TraceParent trace = TraceParent.random();
        String sender = "traced-" + UUID.randomUUID() + "@example.com";
        InboundMessage message = inbound(sender);
        try (TopicWriter writer = TopicWriter.of()) {
            writer.send(Topics.CHANNEL_INBOUND, message.kafkaKey(), TopicWriter.json(message),
                    Map.of(TraceParent.HEADER, trace.header()));
        }

        ConsumerRecord<String, String> received =
                PublishedEvents.awaitRecord(Topics.TICKET_EVENTS, "MessageReceived", message.providerMessageId());
        ConsumerRecord<String, String> registered =
                PublishedEvents.awaitRecord(Topics.CUSTOMER_EVENTS, "CustomerRegistered", sender);

        assertThat(TraceParent.traceIdOf(received)).contains(trace.traceId());
        assertThat(TraceParent.traceIdOf(registered)).contains(trace.traceId());
        assertThat(new String(received.headers().lastHeader(TraceParent.HEADER).value()))
                .as("a span of its own, not the caller's").doesNotContain(trace.spanId());
    }

    @Test
    void anAgentsReplyLeavesInTheTraceOfTheirRequest() {
        String sender = "reply-traced-" + UUID.randomUUID() + "@example.com";
        InboundMessage message = inbound(sender);
        try (TopicWriter writer = TopicWriter.of()) {
            writer.send(Topics.CHANNEL_INBOUND, message.kafkaKey(), TopicWriter.json(message));
        }
        IntegrationEvent received =
                PublishedEvents.await(Topics.TICKET_EVENTS, "MessageReceived", message.providerMessageId());

        TraceParent trace = TraceParent.random();
        String answer = "traced-answer-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.agent("bob")).header(TraceParent.HEADER, trace.header())
                .contentType(ContentType.JSON).body(Map.of("body", answer))
                .post("/api/v1/tickets/" + received.aggregateId() + "/replies")
                .then().statusCode(202);

        try (TopicReader outbound = TopicReader.of(Topics.CHANNEL_OUTBOUND)) {
            ConsumerRecord<String, String> reply = outbound.readUntil(r -> r.value().contains(answer), WAIT).stream()
                    .filter(r -> r.value().contains(answer)).findFirst().orElseThrow();
            assertThat(TraceParent.traceIdOf(reply)).contains(trace.traceId());
        }
    }

    private static InboundMessage inbound(String sender) {
        Instant now = Instant.now();
        return new InboundMessage("p-" + UUID.randomUUID(), "email", "support@acme.test",
                new Participant(sender, "Traced Sender"), List.of(), ThreadReferences.none(), "Question", "Hello",
                null, List.of(), now, now, Map.of());
    }
}
