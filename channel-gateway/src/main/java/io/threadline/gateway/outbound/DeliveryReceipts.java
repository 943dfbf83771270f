package io.threadline.gateway.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.threadline.contracts.outbound.DeliveryReceipt;
import io.threadline.contracts.outbound.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.time.Instant;

/** Publishes what became of an outbound message on {@code channel.delivery} (key outboundId), waiting for the ack. */
@ApplicationScoped
public class DeliveryReceipts {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;

    public DeliveryReceipts(@Channel("channel-delivery") MutinyEmitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    public void sent(String outboundId, String providerMessageId) {
        publish(outboundId, DeliveryStatus.SENT, providerMessageId, null);
    }

    public void delivered(String outboundId, String providerMessageId) {
        publish(outboundId, DeliveryStatus.DELIVERED, providerMessageId, null);
    }

    public void failed(String outboundId, String providerMessageId, String reason) {
        publish(outboundId, DeliveryStatus.FAILED, providerMessageId, reason);
    }

    public void publish(String outboundId, DeliveryStatus status, String providerMessageId, String error) {
        publish(new DeliveryReceipt(outboundId, status, providerMessageId, error, Instant.now()));
    }

    /** Blocks until Kafka acknowledged: the outbound offset is committed only after its receipt is safe. */
    private void publish(DeliveryReceipt receipt) {
        String value;
        try {
            value = json.writeValueAsString(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Receipt not serializable", e);
        }
        emitter.sendMessage(Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(receipt.outboundId()).build())).await().atMost(ACK_TIMEOUT);
    }
}
