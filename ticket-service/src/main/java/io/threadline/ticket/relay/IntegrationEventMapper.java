package io.threadline.ticket.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.AggregateType;
import io.threadline.contracts.events.CustomerErased;
import io.threadline.contracts.events.CustomerProfileUpdated;
import io.threadline.contracts.events.CustomerRegistered;
import io.threadline.contracts.events.CustomersMerged;
import io.threadline.contracts.events.CustomersUnmerged;
import io.threadline.contracts.events.IdentityLinked;
import io.threadline.contracts.events.IdentityUnlinked;
import io.threadline.contracts.events.Identity;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.InternalNoteAdded;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ReplyDeliveryUpdated;
import io.threadline.contracts.events.ReplyRequested;
import io.threadline.contracts.events.SurveyAnswered;
import io.threadline.contracts.events.TicketFieldsChanged;
import io.threadline.contracts.events.TicketTagsChanged;
import io.threadline.contracts.events.TicketsMerged;
import io.threadline.contracts.events.TicketAssigned;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.events.TicketPriorityChanged;
import io.threadline.contracts.events.TicketStatusChanged;
import io.threadline.contracts.inbound.Participant;
import io.threadline.ticket.customer.api.CustomerErasedEvent;
import io.threadline.ticket.customer.api.CustomerIdentity;
import io.threadline.ticket.customer.api.CustomerProfileUpdatedEvent;
import io.threadline.ticket.customer.api.CustomerRegisteredEvent;
import io.threadline.ticket.customer.api.CustomersMergedEvent;
import io.threadline.ticket.customer.api.CustomersUnmergedEvent;
import io.threadline.ticket.customer.api.IdentityLinkedEvent;
import io.threadline.ticket.customer.api.IdentityUnlinkedEvent;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.InternalNoteAddedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.ReplyDeliveryUpdatedEvent;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.api.SurveyAnsweredEvent;
import io.threadline.ticket.ticket.api.TicketFieldsChangedEvent;
import io.threadline.ticket.ticket.api.TicketMergedEvent;
import io.threadline.ticket.ticket.api.TicketTagsChangedEvent;
import io.threadline.ticket.ticket.api.TicketAssignedEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import io.threadline.ticket.ticket.api.TicketPriorityChangedEvent;
import io.threadline.ticket.ticket.api.TicketStatusChangedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;
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

    /** The integration event of a stored domain event, or empty if it has no public meaning. */
    public Optional<IntegrationEvent> toEvent(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof CustomerRegisteredEvent e) {
            return envelope(event, e.customerId(),
                    new CustomerRegistered(e.customerId(), new Identity(e.channel(), e.address(), false), e.displayName()));
        }
        if (payload instanceof IdentityLinkedEvent e) {
            return envelope(event, e.customerId(), new IdentityLinked(e.customerId(),
                    new Identity(e.channel(), e.address(), e.verified()), e.evidence(), e.linkedBy()));
        }
        if (payload instanceof IdentityUnlinkedEvent e) {
            return envelope(event, e.customerId(), new IdentityUnlinked(e.customerId(),
                    new Identity(e.channel(), e.address(), false), e.unlinkedBy()));
        }
        if (payload instanceof CustomersMergedEvent e) {
            return envelope(event, e.customerId(), new CustomersMerged(e.customerId(), e.survivorCustomerId(),
                    e.mergedCustomerId(), e.mergeId(), identities(e.movedIdentities()), e.mergedBy()));
        }
        if (payload instanceof CustomersUnmergedEvent e) {
            return envelope(event, e.customerId(), new CustomersUnmerged(e.customerId(), e.survivorCustomerId(),
                    e.mergedCustomerId(), e.mergeId(), identities(e.returnedIdentities()), e.unmergedBy()));
        }
        if (payload instanceof CustomerProfileUpdatedEvent e) {
            return envelope(event, e.customerId(), new CustomerProfileUpdated(e.customerId(), e.name(), e.language(),
                    e.timeZone(), e.attributes(), e.updatedBy()));
        }
        if (payload instanceof CustomerErasedEvent e) {
            return envelope(event, e.customerId(), new CustomerErased(e.customerId(), e.erasedBy()));
        }
        if (payload instanceof TicketOpenedEvent e) {
            return envelope(event, e.customerId(),
                    new TicketOpened(e.ticketId(), e.ticketNumber(), e.customerId(), e.channel(), e.subject(),
                            e.followUpOfTicketId(), e.followUpOfTicketNumber()));
        }
        if (payload instanceof InboundMessageRecordedEvent e) {
            return envelope(event, e.customerId(), messageReceived(e));
        }
        if (payload instanceof TicketStatusChangedEvent e) {
            return envelope(event, e.customerId(), new TicketStatusChanged(e.ticketId(),
                    e.ticketNumber(), e.previousStatus(), e.status(), e.changedBy()));
        }
        if (payload instanceof TicketAssignedEvent e) {
            return envelope(event, e.customerId(), new TicketAssigned(e.ticketId(),
                    e.ticketNumber(), e.assignee(), e.group(), e.previousAssignee(), e.previousGroup(), e.assignedBy()));
        }
        if (payload instanceof TicketPriorityChangedEvent e) {
            return envelope(event, e.customerId(), new TicketPriorityChanged(e.ticketId(),
                    e.ticketNumber(), e.previousPriority(), e.priority(), e.changedBy()));
        }
        if (payload instanceof InternalNoteAddedEvent e) {
            return envelope(event, e.customerId(), new InternalNoteAdded(e.ticketId(),
                    e.ticketNumber(), e.noteId(), e.author(), e.body()));
        }
        if (payload instanceof ReplyRequestedEvent e) {
            return envelope(event, e.customerId(), new ReplyRequested(e.ticketId(),
                    e.ticketNumber(), e.outboundId(), e.author(), e.channel(), e.recipient(), e.subject(), e.text()));
        }
        if (payload instanceof TicketTagsChangedEvent e) {
            return envelope(event, e.customerId(), new TicketTagsChanged(e.ticketId(),
                    e.ticketNumber(), e.tags(), e.added(), e.removed(), e.changedBy()));
        }
        if (payload instanceof TicketFieldsChangedEvent e) {
            return envelope(event, e.customerId(), new TicketFieldsChanged(e.ticketId(),
                    e.ticketNumber(), e.fields(), e.changedBy()));
        }
        if (payload instanceof TicketMergedEvent e) {
            return envelope(event, e.customerId(), new TicketsMerged(e.ticketId(),
                    e.ticketNumber(), e.source().ticketId(), e.source().ticketNumber(), e.target().ticketId(),
                    e.target().ticketNumber(), e.mergedBy()));
        }
        if (payload instanceof ReplyDeliveryUpdatedEvent e) {
            return envelope(event, e.customerId(), new ReplyDeliveryUpdated(e.ticketId(),
                    e.ticketNumber(), e.outboundId(), e.status(), e.providerMessageId(), e.error()));
        }
        if (payload instanceof SurveyAnsweredEvent e) {
            return envelope(event, e.customerId(), new SurveyAnswered(e.ticketId(),
                    e.ticketNumber(), e.surveyId(), e.kind(), e.score(), e.comment(), e.answeredAt()));
        }
        return Optional.empty();
    }

    /** The identities a merge moved; none once the customer was erased (they are personal data). */
    private static List<Identity> identities(List<CustomerIdentity> identities) {
        if (identities == null) {
            return List.of();
        }
        return identities.stream().map(i -> new Identity(i.channel(), i.address(), i.verified())).toList();
    }

    private static MessageReceived messageReceived(InboundMessageRecordedEvent e) {
        MessageDetails m = e.message();
        return new MessageReceived(e.ticketId(), e.ticketNumber(), m.messageId(), m.channel(), m.providerMessageId(),
                new Participant(m.fromAddress(), m.fromName()), m.subject(), m.text(), m.attachments(), m.receivedAt(),
                m.acceptedAt(), e.threadingRule());
    }

    private Optional<IntegrationEvent> envelope(DomainEventMessage<?> event, String customerId, Object payload) {
        return Optional.of(IntegrationEvent.wrap(event.getIdentifier(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getTimestamp(), customerId, payload, json));
    }

    /** An integration event as the record published on {@code ticket.events} or {@code customer.events}. */
    public ProducerRecord<String, String> toRecord(IntegrationEvent envelope) {
        String topic = AggregateType.CUSTOMER.equals(envelope.aggregateType()) ? Topics.CUSTOMER_EVENTS
                : Topics.TICKET_EVENTS;
        try {
            return new ProducerRecord<>(topic, envelope.aggregateId(), json.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Integration event not serializable: " + envelope.eventId(), e);
        }
    }
}
