package io.threadline.analytics.facts.projection;

import io.threadline.analytics.UnusableEventException;
import io.threadline.analytics.facts.store.MessageFact;
import io.threadline.analytics.facts.store.MessageFactStore;
import io.threadline.analytics.facts.store.TicketFact;
import io.threadline.analytics.facts.store.TicketFactStore;
import io.threadline.contracts.events.EventType;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.TicketOpened;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Turns ticket events into the facts the KPIs are computed from. Each fact is keyed by what it describes
 * (ticket id, message id), so a redelivered or replayed event finds its fact and changes nothing.
 */
@ApplicationScoped
public class TicketFactProjection {

    /** The event types this projection applies; others are read and skipped. */
    public static final List<EventType> PROJECTED_TYPES = List.of(EventType.TICKET_OPENED, EventType.MESSAGE_RECEIVED);

    private static final Logger LOG = Logger.getLogger(TicketFactProjection.class);

    private final TicketFactStore tickets;
    private final MessageFactStore messages;

    public TicketFactProjection(TicketFactStore tickets, MessageFactStore messages) {
        this.tickets = tickets;
        this.messages = messages;
    }

    /** True when the event is of a projected type (whether or not it was seen before). */
    public boolean apply(IntegrationEvent event, Object payload) {
        if (payload instanceof TicketOpened opened) {
            logIfSeenBefore(tickets.recordOpened(ticketFact(opened, event)), event);
            return true;
        }
        if (payload instanceof MessageReceived received) {
            logIfSeenBefore(messages.recordReceived(messageFact(received, event)), event);
            return true;
        }
        return false;
    }

    /** TicketOpened carries no time of its own: the ticket opened when the event occurred. */
    private static TicketFact ticketFact(TicketOpened opened, IntegrationEvent event) {
        return new TicketFact(required(opened.ticketId(), "ticketId", event), required(opened.channel(), "channel", event),
                opened.customerId(), event.occurredAt());
    }

    private static MessageFact messageFact(MessageReceived received, IntegrationEvent event) {
        if (received.receivedAt() == null) {
            throw unusable("receivedAt", event);
        }
        return new MessageFact(required(received.messageId(), "messageId", event),
                required(received.ticketId(), "ticketId", event), required(received.channel(), "channel", event),
                received.receivedAt());
    }

    private static void logIfSeenBefore(boolean recorded, IntegrationEvent event) {
        if (!recorded) {
            LOG.debugf("%s %s was projected before; nothing changed", event.type(), event.eventId());
        }
    }

    private static String required(String value, String field, IntegrationEvent event) {
        if (value == null || value.isBlank()) {
            throw unusable(field, event);
        }
        return value;
    }

    private static UnusableEventException unusable(String field, IntegrationEvent event) {
        return new UnusableEventException(event.type() + " " + event.eventId() + " has no " + field);
    }
}
