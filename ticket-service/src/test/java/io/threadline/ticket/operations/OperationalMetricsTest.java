package io.threadline.ticket.operations;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.contracts.Topics;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicWriter;
import io.threadline.ticket.testing.PublishedEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What operators alert on, as Prometheus scrapes it: consumer lag, relay lag, dead-letter topic sizes. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class OperationalMetricsTest {

    @Test
    void aPoisonMessageShowsInTheDeadLetterTopicsSize() {
        try (TopicWriter writer = TopicWriter.of()) {
            writer.send(Topics.CHANNEL_INBOUND, "email:poison@example.com", "{\"channel\": 42}");
        }

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(value(metrics(), "threadline_dlq_records\\{topic=\"channel.inbound.dlq\"}"))
                        .isGreaterThanOrEqualTo(1));
        assertThat(metrics()).contains("threadline_dlq_records{topic=\"channel.delivery.dlq\"}");
    }

    @Test
    void relayLagAndConsumerLagAreExported() {
        Instant now = Instant.now();
        InboundMessage message = new InboundMessage("p-" + UUID.randomUUID(), "email", "support@acme.test",
                new Participant("lag-" + UUID.randomUUID() + "@example.com", "Lag"), List.of(),
                ThreadReferences.none(), "Question", "Hello", null, List.of(), now, now, Map.of());
        try (TopicWriter writer = TopicWriter.of()) {
            writer.send(Topics.CHANNEL_INBOUND, message.kafkaKey(), TopicWriter.json(message));
        }
        PublishedEvents.await(Topics.TICKET_EVENTS, "MessageReceived", message.providerMessageId());

        String metrics = metrics();
        assertThat(value(metrics, "threadline_relay_lag_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "threadline_relay_behind_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(metrics).containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*channel.inbound");
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the first sample whose name (and labels) match. */
    private static double value(String metrics, String sample) {
        Matcher matcher = Pattern.compile("(?m)^" + sample + "(?:\\{[^}]*})? ([0-9.eE+-]+|NaN)$").matcher(metrics);
        assertThat(matcher.find()).as("%s in /q/metrics, whose threadline samples are:%n%s", sample,
                metrics.lines().filter(line -> line.startsWith("threadline_")).collect(Collectors.joining("\n")))
                .isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
