package io.threadline.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.CustomerErased;
import io.threadline.contracts.events.CustomerRegistered;
import io.threadline.contracts.events.Identity;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ReplyRequested;
import io.threadline.contracts.events.SurveyAnswered;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketAssigned;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketPriorityChanged;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.events.TicketStatusChanged;
import io.threadline.contracts.events.TicketsMerged;
import io.threadline.contracts.inbound.Participant;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds integration events as ticket-service publishes them: each aggregate's events numbered 0, 1, 2… in the
 * order they are built, with personal data (names, addresses, texts) where the contract carries it.
 */
public final class EventFactory {

    public static final ObjectMapper JSON = ContractJson.newMapper();

    private final Map<String, Long> sequences = new HashMap<>();

    public IntegrationEvent opened(String ticketId, String channel, String at) {
        return ticket(ticketId, at, new TicketOpened(ticketId, "TL-1001", customer(ticketId), channel,
                "Order #4411 arrived damaged", null, null));
    }

    public IntegrationEvent message(String ticketId, String channel, String receivedAt) {
        Instant received = Instant.parse(receivedAt);
        String messageId = "msg-" + UUID.randomUUID();
        return ticket(ticketId, receivedAt, new MessageReceived(ticketId, "TL-1001", messageId, channel,
                "provider-" + messageId, new Participant("alice@example.com", "Alice Martin"), "Order #4411",
                "The mug arrived in pieces.", List.of(), received, received.plusMillis(40), ThreadingRule.OPEN_TICKET));
    }

    public IntegrationEvent assigned(String ticketId, String group, String agent, String at) {
        return ticket(ticketId, at, new TicketAssigned(ticketId, "TL-1001", agent, group, null, null, "lead"));
    }

    public IntegrationEvent priority(String ticketId, TicketPriority priority, String at) {
        return ticket(ticketId, at, new TicketPriorityChanged(ticketId, "TL-1001", TicketPriority.NORMAL, priority, "lead"));
    }

    public IntegrationEvent reply(String ticketId, String at) {
        return ticket(ticketId, at, new ReplyRequested(ticketId, "TL-1001", "out-" + UUID.randomUUID(), "agent-1",
                "email", "alice@example.com", "Re: Order #4411", "We are sending a new mug."));
    }

    public IntegrationEvent status(String ticketId, TicketStatus from, TicketStatus to, String at) {
        return ticket(ticketId, at, new TicketStatusChanged(ticketId, "TL-1001", from, to,
                to == TicketStatus.OPEN ? null : "agent-1"));
    }

    public IntegrationEvent merged(String ticketId, String sourceId, String targetId, String at) {
        return ticket(ticketId, at, new TicketsMerged(ticketId, "TL-1001", sourceId, "TL-1001", targetId, "TL-1002",
                "agent-1"));
    }

    public IntegrationEvent survey(String ticketId, String surveyId, SurveyKind kind, int score, String at) {
        return ticket(ticketId, at, new SurveyAnswered(ticketId, "TL-1001", surveyId, kind, score,
                "Alice Martin says thanks", Instant.parse(at)));
    }

    public IntegrationEvent customerRegistered(String customerId, String channel, String at) {
        return customer(customerId, at, new CustomerRegistered(customerId,
                new Identity(channel, "alice@example.com", false), "Alice Martin"));
    }

    public IntegrationEvent customerErased(String customerId, String at) {
        return customer(customerId, at, new CustomerErased(customerId, "dpo"));
    }

    /** The same event at another aggregate sequence. */
    public static IntegrationEvent withSequence(IntegrationEvent e, long sequence) {
        return new IntegrationEvent(e.eventId(), e.type(), e.schemaVersion(), e.aggregateType(), e.aggregateId(),
                sequence, e.occurredAt(), e.customerId(), e.payload());
    }

    /** The customer id the factory gives the customer of a ticket. */
    public static String customer(String ticketId) {
        return "customer-" + ticketId;
    }

    private IntegrationEvent ticket(String ticketId, String at, Object payload) {
        return IntegrationEvent.wrap(UUID.randomUUID().toString(), ticketId, next(ticketId), Instant.parse(at),
                customer(ticketId), payload, JSON);
    }

    private IntegrationEvent customer(String customerId, String at, Object payload) {
        return IntegrationEvent.wrap(UUID.randomUUID().toString(), customerId, next(customerId), Instant.parse(at),
                customerId, payload, JSON);
    }

    private long next(String aggregateId) {
        return sequences.merge(aggregateId, 1L, Long::sum) - 1;
    }
}
