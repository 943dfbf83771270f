package io.threadline.analytics.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.analytics.EventFactory;
import io.threadline.analytics.EventPublisher;
import io.threadline.analytics.KpiApi;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static io.threadline.analytics.EventFactory.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class EventConsumersTest {

    private final EventFactory events = new EventFactory();
    private static final Duration DLQ_TIMEOUT = Duration.ofSeconds(45);
    private static final Pattern TICKETS_OPENED_METER =
            Pattern.compile("(?m)^threadline_analytics_projected_events_total\\{[^}]*type=\"TicketOpened\"[^}]*} (\\S+)$");
    private static final Pattern BATCHES_METER =
            Pattern.compile("(?m)^threadline_analytics_projection_batches_seconds_count(?:\\{[^}]*})? (\\S+)$");

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        String marker = "poison-" + UUID.randomUUID();
        String ticketId = "dlq-" + UUID.randomUUID();
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.sendRawTicketEvent(ticketId, "{\"eventId\": \"" + marker + "\", ");
            publisher.publish(events.opened(ticketId, "instagram", "2028-02-01T10:00:00Z"));
        }

        ConsumerRecord<String, String> dead = deadLetterContaining(marker);
        assertThat(dead.key()).isEqualTo(ticketId);
        assertThat(header(dead, "dead-letter-reason")).contains("Not an integration event envelope");
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(Topics.TICKET_EVENTS);
        // The event behind the poison one on the same partition is still projected.
        KpiApi.awaitValue("volumes", Map.of("from", "2028-02-01T00:00:00Z", "to", "2028-02-02T00:00:00Z",
                "channel", "instagram"), "/totals/ticketsCreated", 1);
    }

    @Test
    void eventMissingARequiredFieldGoesToTheDeadLetterTopic() {
        String ticketId = "dlq-" + UUID.randomUUID();
        IntegrationEvent withoutChannel = events.opened(ticketId, null, "2028-03-01T10:00:00Z");
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.publish(withoutChannel, events.opened(ticketId + "-next", "email", "2028-03-01T11:00:00Z"));
        }

        ConsumerRecord<String, String> dead = deadLetterContaining(withoutChannel.eventId());
        assertThat(header(dead, "dead-letter-reason")).contains("has no channel");
        // Its batch goes on: only the complete event counts.
        KpiApi.awaitValue("volumes", Map.of("from", "2028-03-01T00:00:00Z", "to", "2028-03-02T00:00:00Z"),
                "/totals/ticketsCreated", 1);
    }

    @Test
    void eventOfAnUnknownTypeIsSkippedNotDeadLettered() throws Exception {
        String ticketId = "unknown-" + UUID.randomUUID();
        ObjectNode unknown = JSON.valueToTree(events.opened(ticketId, "email", "2028-04-01T10:00:00Z"));
        unknown.put("type", "TicketEscalated");
        String unknownEventId = unknown.get("eventId").asText();
        String marker = "marker-" + UUID.randomUUID();
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.sendRawTicketEvent(ticketId, JSON.writeValueAsString(unknown));
            // Same key, same partition: the unknown event is handled before this poison marker is dead-lettered.
            publisher.sendRawTicketEvent(ticketId, marker);
        }

        try (TopicReader reader = TopicReader.of(Topics.deadLetter(Topics.TICKET_EVENTS))) {
            List<ConsumerRecord<String, String>> dead = reader.readUntil(r -> marker.equals(r.value()), DLQ_TIMEOUT);
            assertThat(dead).noneMatch(r -> r.value().contains(unknownEventId));
        }
        assertThat(KpiApi.get("volumes", Map.of("from", "2028-04-01T00:00:00Z", "to", "2028-04-02T00:00:00Z"))
                .at("/totals/ticketsCreated").asLong()).isZero();
    }

    @Test
    void projectedEventsAndTheirBatchesShowInTheMetrics() {
        double openedBefore = meter(TICKETS_OPENED_METER);
        double batchesBefore = meter(BATCHES_METER);
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.publish(events.opened("meter-" + UUID.randomUUID(), "messenger", "2028-05-01T10:00:00Z"));
        }
        await().atMost(DLQ_TIMEOUT).untilAsserted(() -> {
            assertThat(meter(TICKETS_OPENED_METER)).isGreaterThan(openedBefore);
            assertThat(meter(BATCHES_METER)).isGreaterThan(batchesBefore);
        });
    }

    private static double meter(Pattern pattern) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher meter = pattern.matcher(metrics);
        assertThat(meter.find()).as(pattern + " in /q/metrics").isTrue();
        return Double.parseDouble(meter.group(1));
    }

    private static ConsumerRecord<String, String> deadLetterContaining(String text) {
        try (TopicReader reader = TopicReader.of(Topics.deadLetter(Topics.TICKET_EVENTS))) {
            return reader.readUntil(r -> r.value().contains(text), DLQ_TIMEOUT).stream()
                    .filter(r -> r.value().contains(text)).findFirst().orElseThrow();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
