package io.threadline.gateway.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.threadline.contracts.outbound.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads replies from {@code channel.outbound} and delivers them one at a time per partition (key ticketId, so one
 * ticket's replies keep their order). A record that is not an outbound message at all (no outboundId, so no
 * receipt can name it) goes to {@code channel.outbound.dlq}.
 */
@ApplicationScoped
public class OutboundConsumer {

    private final ObjectMapper json;
    private final OutboundDelivery delivery;

    public OutboundConsumer(ObjectMapper json, OutboundDelivery delivery) {
        this.json = json;
        this.delivery = delivery;
    }

    @Incoming("channel-outbound")
    @Blocking
    public void consume(String value) throws JsonProcessingException, InterruptedException {
        OutboundMessage message = json.readValue(value, OutboundMessage.class);
        if (message.outboundId() == null || message.outboundId().isBlank()) {
            throw new IllegalArgumentException("outbound message without outboundId");
        }
        delivery.deliver(message);
    }
}
