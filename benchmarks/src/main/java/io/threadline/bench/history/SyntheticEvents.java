package io.threadline.bench.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.events.CustomerRegistered;
import io.threadline.contracts.events.Identity;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ReplyDeliveryUpdated;
import io.threadline.contracts.events.ReplyRequested;
import io.threadline.contracts.events.SurveyAnswered;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketAssigned;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.events.TicketStatusChanged;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.outbound.DeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Integration events of made-up customers and tickets, shaped as ticket-service publishes them (envelope, payload,
 * per-aggregate sequence). A ticket's life is a cycle of {@link #CYCLE} steps: opened, a message, assigned, a reply
 * with its two delivery updates, another message and reply, solved, a survey answer.
 */
final class SyntheticEvents {

    static final int CYCLE = 10;
    private static final String TEXT = "My order #4411 arrived damaged: the handle of the mug broke off in the box. "
            + "Could you send a new one, or refund it? I attach a photo of the box.";

    private final ObjectMapper json;

    SyntheticEvents(ObjectMapper json) {
        this.json = json;
    }

    ObjectMapper json() {
        return json;
    }

    IntegrationEvent registered(String customerId, String address, Instant at) {
        return IntegrationEvent.wrap(UUID.randomUUID().toString(), customerId, 1, at, customerId,
                new CustomerRegistered(customerId, new Identity("email", address, true), "Customer " + customerId),
                json);
    }

    /** Step {@code step % CYCLE} of a ticket's life; {@code seq} is the ticket's aggregate sequence (from 1). */
    IntegrationEvent ticketStep(String customerId, String ticketId, String number, int step, long seq, Instant at) {
        String outbound = ticketId + "-o" + (step % CYCLE < 6 ? 1 : 2);
        Object payload = switch (step % CYCLE) {
            case 0 -> new TicketOpened(ticketId, number, customerId, "email", "Order #4411 arrived damaged", null, null);
            case 1, 6 -> message(customerId, ticketId, number, at);
            case 2 -> new TicketAssigned(ticketId, number, "agent-" + (seq % 7), "support", null, null, "routing");
            case 3, 7 -> reply(customerId, ticketId, number, outbound);
            case 4 -> new ReplyDeliveryUpdated(ticketId, number, outbound, DeliveryStatus.SENT, "p-" + outbound, null);
            case 5 -> new ReplyDeliveryUpdated(ticketId, number, outbound, DeliveryStatus.DELIVERED, "p-" + outbound, null);
            case 8 -> new TicketStatusChanged(ticketId, number, TicketStatus.OPEN, TicketStatus.SOLVED, "agent-1");
            default -> new SurveyAnswered(ticketId, number, ticketId + "-s", SurveyKind.CSAT, 5, "Quick and kind", at);
        };
        return IntegrationEvent.wrap(UUID.randomUUID().toString(), ticketId, seq, at, customerId, payload, json);
    }

    /** A customer's message on a ticket: one timeline entry. */
    IntegrationEvent message(String customerId, String ticketId, String number, long seq, Instant at) {
        return IntegrationEvent.wrap(UUID.randomUUID().toString(), ticketId, seq, at, customerId,
                message(customerId, ticketId, number, at), json);
    }

    /** An agent's reply on a ticket: one timeline entry. */
    IntegrationEvent reply(String customerId, String ticketId, String number, long seq, Instant at) {
        return IntegrationEvent.wrap(UUID.randomUUID().toString(), ticketId, seq, at, customerId,
                reply(customerId, ticketId, number, ticketId + "-o" + seq), json);
    }

    /** Whether step {@code step} of the cycle adds a timeline entry (delivery updates join their reply's entry). */
    static boolean addsEntry(int step) {
        return step % CYCLE != 4 && step % CYCLE != 5;
    }

    private static MessageReceived message(String customerId, String ticketId, String number, Instant at) {
        return new MessageReceived(ticketId, number, "m-" + UUID.randomUUID(), "email", "<" + UUID.randomUUID() + "@bench>",
                new Participant(customerId + "@example.com", "Customer " + customerId), "Order #4411 arrived damaged",
                TEXT, List.of(), at, at, ThreadingRule.OPEN_TICKET);
    }

    private static ReplyRequested reply(String customerId, String ticketId, String number, String outboundId) {
        return new ReplyRequested(ticketId, number, outboundId, "agent-1", "email", customerId + "@example.com",
                "Re: Order #4411 arrived damaged", "Sorry about that: a new mug is on its way, no need to send it back.");
    }
}
