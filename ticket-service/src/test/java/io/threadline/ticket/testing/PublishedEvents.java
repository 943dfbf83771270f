package io.threadline.ticket.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Waits for an integration event the relay published, as a consumer would see it on Kafka. */
public final class PublishedEvents {

    private static final ObjectMapper JSON = ContractJson.newMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private PublishedEvents() {
    }

    /** The first event of {@code type} on {@code topic} whose JSON contains every one of {@code containing}. */
    public static IntegrationEvent await(String topic, String type, String... containing) {
        try {
            return JSON.readValue(awaitRecord(topic, type, containing).value(), IntegrationEvent.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not an integration event", e);
        }
    }

    /** The record itself, headers included. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, String type, String... containing) {
        Predicate<ConsumerRecord<String, String>> matches = r -> r.value().contains("\"type\":\"" + type + "\"")
                && List.of(containing).stream().allMatch(r.value()::contains);
        try (TopicReader reader = TopicReader.of(topic)) {
            return reader.readUntil(matches, WAIT).stream().filter(matches)
                    .findFirst().orElseThrow(() -> new AssertionError("No " + type + " on " + topic));
        }
    }
}
