package io.threadline.ticket.ticket.command;

import io.threadline.contracts.events.ThreadingRule;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.OpenTicketCommand;
import io.threadline.ticket.ticket.api.RecordInboundMessageCommand;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A conversation with one customer: every message on every channel, as events. */
public class Ticket {

    @AggregateIdentifier
    private String ticketId;
    private String ticketNumber;
    private String customerId;
    private final Set<String> messageIds = new HashSet<>();

    protected Ticket() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Ticket(OpenTicketCommand command) {
        MessageDetails first = command.firstMessage();
        apply(new TicketOpenedEvent(command.ticketId(), command.ticketNumber(), command.customerId(), first.channel(),
                first.subject(), first.receivedAt()));
        apply(new InboundMessageRecordedEvent(command.ticketId(), command.ticketNumber(), command.customerId(), first,
                ThreadingRule.NEW_TICKET));
    }

    /** A redelivered message (same message id) records nothing. */
    @CommandHandler
    public void handle(RecordInboundMessageCommand command) {
        if (messageIds.contains(command.message().messageId())) {
            return;
        }
        apply(new InboundMessageRecordedEvent(ticketId, ticketNumber, customerId, command.message(),
                command.threadingRule()));
    }

    @EventSourcingHandler
    void on(TicketOpenedEvent event) {
        ticketId = event.ticketId();
        ticketNumber = event.ticketNumber();
        customerId = event.customerId();
    }

    @EventSourcingHandler
    void on(InboundMessageRecordedEvent event) {
        messageIds.add(event.message().messageId());
    }
}
