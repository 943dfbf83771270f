package io.threadline.analytics.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.analytics.TicketEventProducer;
import io.threadline.analytics.VolumeApi;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static io.threadline.analytics.TicketEventProducer.JSON;
import static io.threadline.analytics.TicketEventProducer.ticketOpened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class TicketEventsConsumerTest {

    private static final Duration DLQ_TIMEOUT = Duration.ofSeconds(45);
    private static final Pattern TICKETS_OPENED_METER =
            Pattern.compile("(?m)^threadline_analytics_projected_events_total\\{[^}]*type=\"TicketOpened\"[^}]*} (\\S+)$");

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        String marker = "poison-" + UUID.randomUUID();
        String ticketId = "dlq-" + UUID.randomUUID();
        try (TicketEventProducer producer = TicketEventProducer.connect()) {
            producer.sendRaw(ticketId, "{\"eventId\": \"" + marker + "\", ");
            producer.send(ticketOpened(ticketId, "instagram", Instant.parse("2028-02-01T10:00:00Z")));
        }

        ConsumerRecord<String, String> dead = deadLetterContaining(marker);
        assertThat(dead.key()).isEqualTo(ticketId);
        assertThat(header(dead, "dead-letter-reason")).contains("Not an integration event envelope");
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(Topics.TICKET_EVENTS);
        // The event behind the poison one on the same partition is still projected.
        VolumeApi.awaitReport(Map.of("from", "2028-02-01T00:00:00Z", "to", "2028-02-02T00:00:00Z"), """
                {"from":"2028-02-01T00:00:00Z","to":"2028-02-02T00:00:00Z","zone":"UTC","interval":"day",
                 "totals":{"ticketsCreated":1,"messagesReceived":0},
                 "series":[{"start":"2028-02-01T00:00:00Z","channel":"instagram","ticketsCreated":1,"messagesReceived":0}]}""");
    }

    @Test
    void eventMissingARequiredFieldGoesToTheDeadLetterTopic() {
        IntegrationEvent withoutChannel = ticketOpened("dlq-" + UUID.randomUUID(), null, Instant.parse("2028-03-01T10:00:00Z"));
        try (TicketEventProducer producer = TicketEventProducer.connect()) {
            producer.send(withoutChannel);
        }

        ConsumerRecord<String, String> dead = deadLetterContaining(withoutChannel.eventId());
        assertThat(header(dead, "dead-letter-reason")).contains("has no channel");
        assertThat(VolumeApi.get(Map.of("from", "2028-03-01T00:00:00Z", "to", "2028-03-02T00:00:00Z"))
                .at("/totals/ticketsCreated").asLong()).isZero();
    }

    @Test
    void eventOfAnUnknownTypeIsSkippedNotDeadLettered() throws Exception {
        String ticketId = "unknown-" + UUID.randomUUID();
        ObjectNode unknown = JSON.valueToTree(ticketOpened(ticketId, "email", Instant.parse("2028-04-01T10:00:00Z")));
        unknown.put("type", "TicketEscalated");
        String unknownEventId = unknown.get("eventId").asText();
        String marker = "marker-" + UUID.randomUUID();
        try (TicketEventProducer producer = TicketEventProducer.connect()) {
            producer.sendRaw(ticketId, JSON.writeValueAsString(unknown));
            // Same key, same partition: the unknown event is handled before this poison marker is dead-lettered.
            producer.sendRaw(ticketId, marker);
        }

        try (TopicReader reader = TopicReader.of(Topics.deadLetter(Topics.TICKET_EVENTS))) {
            List<ConsumerRecord<String, String>> dead = reader.readUntil(r -> marker.equals(r.value()), DLQ_TIMEOUT);
            assertThat(dead).noneMatch(r -> r.value().contains(unknownEventId));
        }
        assertThat(VolumeApi.get(Map.of("from", "2028-04-01T00:00:00Z", "to", "2028-04-02T00:00:00Z"))
                .at("/totals/ticketsCreated").asLong()).isZero();
    }

    @Test
    void projectedEventsShowInTheMetrics() {
        double before = ticketsOpenedMeter();
        try (TicketEventProducer producer = TicketEventProducer.connect()) {
            producer.send(ticketOpened("meter-" + UUID.randomUUID(), "messenger", Instant.parse("2028-05-01T10:00:00Z")));
        }
        await().atMost(DLQ_TIMEOUT).untilAsserted(() -> assertThat(ticketsOpenedMeter()).isGreaterThan(before));
    }

    private static double ticketsOpenedMeter() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher meter = TICKETS_OPENED_METER.matcher(metrics);
        assertThat(meter.find()).as("TicketOpened meter in /q/metrics").isTrue();
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
