package io.threadline.ticket.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.Topics;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.Optional;

/**
 * Turns an agent's reply into the message channel-gateway delivers, on {@code channel.outbound} (key ticketId).
 * Only a reply does: an internal note, or any other event, never leaves. At least once, like every relayed
 * event; {@code outboundId} lets the gateway send a redelivered reply once.
 */
@ApplicationScoped
public class OutboundMessageMapper {

    private final ObjectMapper json;

    public OutboundMessageMapper(ObjectMapper json) {
        this.json = json;
    }

    public Optional<ProducerRecord<String, String>> toRecord(DomainEventMessage<?> event) {
        if (!(event.getPayload() instanceof ReplyRequestedEvent reply)) {
            return Optional.empty();
        }
        OutboundMessage message = new OutboundMessage(reply.outboundId(), reply.ticketId(), reply.ticketNumber(),
                reply.customerId(), reply.channel(), reply.recipient(), reply.thread(), reply.subject(), reply.text(),
                null, event.getTimestamp());
        try {
            return Optional.of(new ProducerRecord<>(Topics.CHANNEL_OUTBOUND, reply.ticketId(),
                    json.writeValueAsString(message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbound message not serializable: " + reply.outboundId(), e);
        }
    }
}
