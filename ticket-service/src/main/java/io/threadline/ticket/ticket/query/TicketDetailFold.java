package io.threadline.ticket.ticket.query;

import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.InternalNoteAddedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.api.TicketAssignedEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import io.threadline.ticket.ticket.api.TicketPriorityChangedEvent;
import io.threadline.ticket.ticket.api.TicketStatusChangedEvent;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Folds a ticket's events, oldest first, into its {@link TicketDetail}. */
final class TicketDetailFold {

    private String id;
    private String number;
    private String customerId;
    private TicketStatus status;
    private TicketPriority priority;
    private String assignee;
    private String group;
    private String channel;
    private String subject;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant lastMessageAt;
    private long version = -1;
    private final List<TicketDetail.Message> messages = new ArrayList<>();
    private final List<TicketDetail.Note> notes = new ArrayList<>();

    void add(DomainEventMessage<?> event) {
        Instant at = event.getTimestamp();
        Object payload = event.getPayload();
        if (payload instanceof TicketOpenedEvent e) {
            id = e.ticketId();
            number = e.ticketNumber();
            customerId = e.customerId();
            status = TicketStatus.NEW;
            priority = TicketPriority.NORMAL;
            channel = e.channel();
            subject = e.subject();
            createdAt = e.openedAt() == null ? at : e.openedAt();
        } else if (payload instanceof InboundMessageRecordedEvent e) {
            MessageDetails m = e.message();
            Instant received = m.receivedAt() == null ? at : m.receivedAt();
            messages.add(new TicketDetail.Message(m.messageId(), TicketDetail.Direction.INBOUND, m.channel(),
                    m.fromAddress(), m.fromName(), null, m.subject(), m.text(), m.attachments(), received));
            channel = m.channel();
            lastMessageAt = received;
        } else if (payload instanceof ReplyRequestedEvent e) {
            messages.add(new TicketDetail.Message(e.outboundId(), TicketDetail.Direction.OUTBOUND, e.channel(),
                    e.recipient(), null, e.author(), e.subject(), e.text(), List.of(), at));
        } else if (payload instanceof InternalNoteAddedEvent e) {
            notes.add(new TicketDetail.Note(e.noteId(), e.author(), e.body(), at));
        } else if (payload instanceof TicketStatusChangedEvent e) {
            status = e.status();
        } else if (payload instanceof TicketAssignedEvent e) {
            assignee = e.assignee();
            group = e.group();
        } else if (payload instanceof TicketPriorityChangedEvent e) {
            priority = e.priority();
        }
        updatedAt = at;
        version = event.getSequenceNumber();
    }

    /** The ticket, or empty if no event opened it. */
    Optional<TicketDetail> result() {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new TicketDetail(new TicketSummary(id, number, customerId, status, priority, assignee,
                group, channel, subject, createdAt, updatedAt, lastMessageAt, version),
                List.copyOf(messages), List.copyOf(notes)));
    }
}
