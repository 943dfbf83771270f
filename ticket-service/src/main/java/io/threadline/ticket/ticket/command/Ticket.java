package io.threadline.ticket.ticket.command;

import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.ticket.ticket.api.AddInternalNoteCommand;
import io.threadline.ticket.ticket.api.AssignTicketCommand;
import io.threadline.ticket.ticket.api.ChangePriorityCommand;
import io.threadline.ticket.ticket.api.ChangeTicketStatusCommand;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.InternalNoteAddedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.OpenTicketCommand;
import io.threadline.ticket.ticket.api.RecordInboundMessageCommand;
import io.threadline.ticket.ticket.api.ReplyAddress;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.api.SendReplyCommand;
import io.threadline.ticket.ticket.api.TicketAssignedEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import io.threadline.ticket.ticket.api.TicketPriorityChangedEvent;
import io.threadline.ticket.ticket.api.TicketReference;
import io.threadline.ticket.ticket.api.TicketStatusChangedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A conversation with one customer: every message on every channel, as events, and the agents' work on it.
 * Agent commands return the ticket's version after them (the ETag of the API).
 */
public class Ticket {

    @AggregateIdentifier
    private String ticketId;
    private String ticketNumber;
    private String customerId;
    private String subject;
    private TicketStatus status;
    private TicketPriority priority;
    private String assignee;
    private String group;
    private String latestInboundChannel;
    private String latestInboundAddress;
    private Instant solvedAt;
    private final Set<String> messageIds = new HashSet<>();
    private final ConversationThread conversation = new ConversationThread();

    protected Ticket() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Ticket(OpenTicketCommand command) {
        MessageDetails first = command.firstMessage();
        TicketReference followUpOf = command.followUpOf();
        apply(new TicketOpenedEvent(command.ticketId(), command.ticketNumber(), command.customerId(), first.channel(),
                first.subject(), first.receivedAt(), followUpOf == null ? null : followUpOf.ticketId(),
                followUpOf == null ? null : followUpOf.ticketNumber()));
        apply(new InboundMessageRecordedEvent(command.ticketId(), command.ticketNumber(), command.customerId(), first,
                ThreadingRule.NEW_TICKET));
    }

    /**
     * A redelivered message (same message id) records nothing; a customer's message reopens PENDING and SOLVED.
     * Chosen only as the customer's latest ticket, a SOLVED ticket takes the message within the reopen window.
     */
    @CommandHandler
    public void handle(RecordInboundMessageCommand command) {
        MessageDetails message = command.message();
        if (messageIds.contains(message.messageId())) {
            return;
        }
        refuseIfClosed();
        ThreadingRule rule = command.threadingRule();
        if (rule == ThreadingRule.OPEN_TICKET && status == TicketStatus.SOLVED) {
            if (!withinReopenWindow(message.arrivedAt(), command.reopenWindow())) {
                throw new TicketNotReopenableException(ticketNumber);
            }
            rule = ThreadingRule.REOPENED;
        }
        apply(new InboundMessageRecordedEvent(ticketId, ticketNumber, customerId, message, rule));
        if (status == TicketStatus.PENDING || status == TicketStatus.SOLVED) {
            apply(new TicketStatusChangedEvent(ticketId, ticketNumber, customerId, status, TicketStatus.OPEN, null));
        }
    }

    @CommandHandler
    public long handle(ChangeTicketStatusCommand command) {
        checkVersion(command.expectedVersion());
        refuseIfClosed();
        if (command.status() == TicketStatus.NEW) {
            throw new StatusNotSettableException(command.status());
        }
        if (command.status() != status) {
            apply(new TicketStatusChangedEvent(ticketId, ticketNumber, customerId, status, command.status(),
                    command.changedBy()));
        }
        return version();
    }

    @CommandHandler
    public long handle(AssignTicketCommand command) {
        checkVersion(command.expectedVersion());
        refuseIfClosed();
        boolean assignedToSomeoneElse = assignee != null && !assignee.equals(command.assignedBy());
        if (assignedToSomeoneElse && !command.mayReassignOthers()) {
            throw new ReassignmentNotAllowedException(assignee);
        }
        if (!Objects.equals(assignee, command.assignee()) || !Objects.equals(group, command.group())) {
            apply(new TicketAssignedEvent(ticketId, ticketNumber, customerId, command.assignee(), command.group(),
                    assignee, group, command.assignedBy()));
        }
        return version();
    }

    @CommandHandler
    public long handle(ChangePriorityCommand command) {
        checkVersion(command.expectedVersion());
        refuseIfClosed();
        if (command.priority() != priority) {
            apply(new TicketPriorityChangedEvent(ticketId, ticketNumber, customerId, priority, command.priority(),
                    command.changedBy()));
        }
        return version();
    }

    @CommandHandler
    public long handle(AddInternalNoteCommand command) {
        checkVersion(command.expectedVersion());
        refuseIfClosed();
        apply(new InternalNoteAddedEvent(ticketId, ticketNumber, customerId, command.noteId(), command.author(),
                command.body()));
        return version();
    }

    @CommandHandler
    public long handle(SendReplyCommand command) {
        checkVersion(command.expectedVersion());
        refuseIfClosed();
        ReplyAddress picked = command.address();
        if (picked != null && !customerId.equals(picked.ownerCustomerId())) {
            throw new ForeignReplyAddressException(picked.channel(), picked.address());
        }
        String channel = picked == null ? latestInboundChannel : picked.channel();
        String recipient = picked == null ? latestInboundAddress : picked.address();
        apply(new ReplyRequestedEvent(ticketId, ticketNumber, customerId, command.outboundId(), command.author(),
                channel, recipient, ReplySubject.of(subject, ticketNumber), command.text(),
                conversation.replyOn(channel, command.emailMessageId())));
        return version();
    }

    @EventSourcingHandler
    void on(TicketOpenedEvent event) {
        ticketId = event.ticketId();
        ticketNumber = event.ticketNumber();
        customerId = event.customerId();
        subject = event.subject();
        status = TicketStatus.NEW;
        priority = TicketPriority.NORMAL;
    }

    @EventSourcingHandler
    void on(InboundMessageRecordedEvent event) {
        MessageDetails message = event.message();
        messageIds.add(message.messageId());
        latestInboundChannel = message.channel();
        latestInboundAddress = message.fromAddress();
        conversation.customerWrote(message.channel(), message.thread(), message.providerMessageId());
    }

    @EventSourcingHandler
    void on(ReplyRequestedEvent event) {
        conversation.agentWrote(event.channel(), event.thread());
    }

    @EventSourcingHandler
    void on(TicketStatusChangedEvent event, @Timestamp Instant changedAt) {
        status = event.status();
        solvedAt = status == TicketStatus.SOLVED ? changedAt : null;
    }

    @EventSourcingHandler
    void on(TicketAssignedEvent event) {
        assignee = event.assignee();
        group = event.group();
    }

    @EventSourcingHandler
    void on(TicketPriorityChangedEvent event) {
        priority = event.priority();
    }

    private boolean withinReopenWindow(Instant arrivedAt, Duration reopenWindow) {
        Instant now = arrivedAt != null ? arrivedAt : Instant.now();
        return reopenWindow == null || solvedAt == null || !now.isAfter(solvedAt.plus(reopenWindow));
    }

    private void refuseIfClosed() {
        if (status == TicketStatus.CLOSED) {
            throw new TicketClosedException(ticketNumber);
        }
    }

    /** If-Match: the caller must have seen the current version, or changes made meanwhile would be overwritten. */
    private void checkVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version()) {
            throw new TicketVersionConflictException(expectedVersion, version());
        }
    }

    /** The sequence number of the ticket's latest event, including those applied by the running command. */
    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}
