package io.threadline.ticket.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.CustomerRegistered;
import io.threadline.contracts.events.Identity;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.inbound.Participant;
import io.threadline.ticket.customer.api.CustomerRegisteredEvent;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.Optional;

/**
 * Translates stored domain events into the published integration events: the contract other services rely on,
 * versioned apart from the domain classes. Domain events with no public meaning map to nothing.
 */
@ApplicationScoped
public class IntegrationEventMapper {

    private final ObjectMapper json;

    public IntegrationEventMapper(ObjectMapper json) {
        this.json = json;
    }

    public Optional<ProducerRecord<String, String>> toRecord(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof CustomerRegisteredEvent e) {
            return record(Topics.CUSTOMER_EVENTS, event, e.customerId(),
                    new CustomerRegistered(e.customerId(), new Identity(e.channel(), e.address(), false), e.displayName()));
        }
        if (payload instanceof TicketOpenedEvent e) {
            return record(Topics.TICKET_EVENTS, event, e.customerId(),
                    new TicketOpened(e.ticketId(), e.ticketNumber(), e.customerId(), e.channel(), e.subject()));
        }
        if (payload instanceof InboundMessageRecordedEvent e) {
            return record(Topics.TICKET_EVENTS, event, e.customerId(), messageReceived(e));
        }
        return Optional.empty();
    }

    private static MessageReceived messageReceived(InboundMessageRecordedEvent e) {
        MessageDetails m = e.message();
        return new MessageReceived(e.ticketId(), e.ticketNumber(), m.messageId(), m.channel(), m.providerMessageId(),
                new Participant(m.fromAddress(), m.fromName()), m.subject(), m.text(), m.attachments(), m.receivedAt(),
                m.acceptedAt(), e.threadingRule());
    }

    private Optional<ProducerRecord<String, String>> record(String topic, DomainEventMessage<?> event, String customerId,
                                                           Object payload) {
        IntegrationEvent envelope = IntegrationEvent.wrap(event.getIdentifier(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getTimestamp(), customerId, payload, json);
        try {
            return Optional.of(new ProducerRecord<>(topic, event.getAggregateIdentifier(), json.writeValueAsString(envelope)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Integration event not serializable: " + event.getIdentifier(), e);
        }
    }
}
