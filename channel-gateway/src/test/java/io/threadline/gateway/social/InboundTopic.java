package io.threadline.gateway.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads {@code channel.inbound} up to a marker message a test published after the ones it looks for. */
final class InboundTopic {

    private static final ObjectMapper JSON = ContractJson.newMapper();

    private InboundTopic() {
    }

    /** Every record with this provider message id, among those published before the marker. */
    static List<ConsumerRecord<String, String>> recordsOf(String providerMessageId, String markerProviderMessageId) {
        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            return reader.readUntil(is(markerProviderMessageId), Duration.ofSeconds(20)).stream()
                    .filter(is(providerMessageId)).toList();
        }
    }

    /** The value of the one record a message was published as. */
    static JsonNode only(List<ConsumerRecord<String, String>> records) {
        assertThat(records).hasSize(1);
        return value(records.get(0));
    }

    static JsonNode value(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Predicate<ConsumerRecord<String, String>> is(String providerMessageId) {
        return record -> providerMessageId.equals(value(record).path("providerMessageId").asText());
    }
}
