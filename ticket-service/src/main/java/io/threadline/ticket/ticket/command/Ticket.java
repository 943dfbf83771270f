package io.threadline.ticket.ticket.command;

import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.outbound.DeliveryStatus;
import io.threadline.ticket.ticket.api.AbsorbMergedTicketCommand;
import io.threadline.ticket.ticket.api.AddInternalNoteCommand;
import io.threadline.ticket.ticket.api.MergeTicketCommand;
import io.threadline.ticket.ticket.api.RecordDeliveryCommand;
import io.threadline.ticket.ticket.api.RecordSurveyAnswerCommand;
import io.threadline.ticket.ticket.api.ReplyDeliveryUpdatedEvent;
import io.threadline.ticket.ticket.api.SetFieldsCommand;
import io.threadline.ticket.ticket.api.SetTagsCommand;
import io.threadline.ticket.ticket.api.SurveyAnsweredEvent;
import io.threadline.ticket.ticket.api.TicketFieldsChangedEvent;
import io.threadline.ticket.ticket.api.TicketMergedEvent;
import io.threadline.ticket.ticket.api.TicketTagsChangedEvent;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
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
    private TicketReference mergedInto;
    private final SortedSet<String> tags = new TreeSet<>();
    private final SortedMap<String, String> fields = new TreeMap<>();
    private final Set<String> outboundIds = new HashSet<>();
    private final Map<String, DeliveryStatus> deliveries = new HashMap<>();
    private final Map<String, SurveyAnsweredEvent> surveyAnswers = new HashMap<>();
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
        if (recipient == null) {
            throw new NoReplyAddressException(ticketNumber);
        }
        apply(new ReplyRequestedEvent(ticketId, ticketNumber, customerId, command.outboundId(), command.author(),
                channel, recipient, ReplySubject.of(subject, ticketNumber), command.text(),
                conversation.replyOn(channel, command.emailMessageId())));
        return version();
    }

    @CommandHandler
    public long handle(SetTagsCommand command) {
        checkVersion(command.expectedVersion());
        refuseIfClosed();
        SortedSet<String> wanted = new TreeSet<>(command.tags());
        if (!wanted.equals(tags)) {
            List<String> added = wanted.stream().filter(t -> !tags.contains(t)).toList();
            List<String> removed = tags.stream().filter(t -> !wanted.contains(t)).toList();
            apply(new TicketTagsChangedEvent(ticketId, ticketNumber, customerId, List.copyOf(wanted), added, removed,
                    command.changedBy()));
        }
        return version();
    }

    @CommandHandler
    public long handle(SetFieldsCommand command) {
        checkVersion(command.expectedVersion());
        refuseIfClosed();
        Map<String, String> after = new TreeMap<>(fields);
        command.changes().forEach((name, value) -> {
            if (value == null) {
                after.remove(name);
            } else {
                after.put(name, value);
            }
        });
        if (!after.equals(fields)) {
            apply(new TicketFieldsChangedEvent(ticketId, ticketNumber, customerId, after, command.changedBy()));
        }
        return version();
    }

    /** The duplicate's side of a merge: linked to the target, then closed. */
    @CommandHandler
    public long handle(MergeTicketCommand command) {
        checkVersion(command.expectedVersion());
        refuseIfClosed();
        if (command.target().ticketId().equals(ticketId)) {
            throw new InvalidMergeException("A ticket cannot be merged into itself");
        }
        apply(new TicketMergedEvent(ticketId, ticketNumber, customerId, new TicketReference(ticketId, ticketNumber),
                command.target(), command.mergedBy()));
        apply(new TicketStatusChangedEvent(ticketId, ticketNumber, customerId, status, TicketStatus.CLOSED,
                command.mergedBy()));
        return version();
    }

    /** The target's side of a merge: it records which ticket it absorbed. */
    @CommandHandler
    public long handle(AbsorbMergedTicketCommand command) {
        if (status == TicketStatus.CLOSED) {
            throw new InvalidMergeException("Ticket " + ticketNumber + " is closed; merge into an open ticket");
        }
        apply(new TicketMergedEvent(ticketId, ticketNumber, customerId, command.source(),
                new TicketReference(ticketId, ticketNumber), command.mergedBy()));
        return version();
    }

    /**
     * A delivery receipt of one of the ticket's replies; also on a closed ticket, since it reports a fact. A receipt
     * for an unknown reply, a repeated one, or a late SENT after the final outcome changes nothing.
     */
    @CommandHandler
    public void handle(RecordDeliveryCommand command) {
        if (!outboundIds.contains(command.outboundId())) {
            return;
        }
        DeliveryStatus current = deliveries.get(command.outboundId());
        boolean stale = current == command.status()
                || (command.status() == DeliveryStatus.SENT && current != null);
        if (!stale) {
            apply(new ReplyDeliveryUpdatedEvent(ticketId, ticketNumber, customerId, command.outboundId(),
                    command.status(), command.providerMessageId(), command.error()));
        }
    }

    /** A survey answer; also on a closed ticket, since surveys usually follow closing. The same answer again is a no-op. */
    @CommandHandler
    public void handle(RecordSurveyAnswerCommand command) {
        if (!command.kind().accepts(command.score())) {
            throw new InvalidSurveyScoreException(command.kind(), command.score());
        }
        SurveyAnsweredEvent answer = new SurveyAnsweredEvent(ticketId, ticketNumber, customerId, command.surveyId(),
                command.kind(), command.score(), command.comment(), command.answeredAt());
        if (!answer.equals(surveyAnswers.get(command.surveyId()))) {
            apply(answer);
        }
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
        outboundIds.add(event.outboundId());
    }

    @EventSourcingHandler
    void on(ReplyDeliveryUpdatedEvent event) {
        deliveries.put(event.outboundId(), event.status());
    }

    @EventSourcingHandler
    void on(TicketTagsChangedEvent event) {
        tags.clear();
        tags.addAll(event.tags());
    }

    @EventSourcingHandler
    void on(TicketFieldsChangedEvent event) {
        fields.clear();
        fields.putAll(event.fields());
    }

    @EventSourcingHandler
    void on(TicketMergedEvent event) {
        if (event.source().ticketId().equals(ticketId)) {
            mergedInto = event.target();
        }
    }

    @EventSourcingHandler
    void on(SurveyAnsweredEvent event) {
        surveyAnswers.put(event.surveyId(), event);
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
        if (status == TicketStatus.CLOSED && mergedInto != null) {
            throw new TicketMergedIntoException(ticketNumber, mergedInto);
        }
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
