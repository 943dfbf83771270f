package io.threadline.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.testsupport.TopicReader;
import io.threadline.testsupport.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Replies onto {@code channel.outbound} and their receipts back from {@code channel.delivery}. */
public final class DeliveryTopics {

    private static final ObjectMapper JSON = ContractJson.newMapper();

    private DeliveryTopics() {
    }

    public static void publish(OutboundMessage message) {
        try (TopicWriter writer = TopicWriter.of()) {
            writer.send(Topics.CHANNEL_OUTBOUND, message.ticketId(), TopicWriter.json(message));
        }
    }

    /** The first {@code count} receipts of one outbound message, in topic order; fails after 30 s without them. */
    public static List<JsonNode> receiptsOf(String outboundId, int count) throws Exception {
        Set<String> found = new HashSet<>();
        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_DELIVERY)) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(r -> {
                if (outboundId.equals(r.key())) {
                    found.add(r.partition() + ":" + r.offset());
                }
                return found.size() >= count;
            }, Duration.ofSeconds(30));
            List<JsonNode> receipts = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                if (outboundId.equals(record.key())) {
                    receipts.add(JSON.readTree(record.value()));
                }
            }
            assertThat(receipts).hasSizeGreaterThanOrEqualTo(count);
            return receipts;
        }
    }
}
