package io.threadline.ticket.ticket.query;

import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.InternalNoteAddedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.ReplyDeliveryUpdatedEvent;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.api.SurveyAnsweredEvent;
import io.threadline.ticket.ticket.api.TicketAssignedEvent;
import io.threadline.ticket.ticket.api.TicketFieldsChangedEvent;
import io.threadline.ticket.ticket.api.TicketMergedEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import io.threadline.ticket.ticket.api.TicketPriorityChangedEvent;
import io.threadline.ticket.ticket.api.TicketReference;
import io.threadline.ticket.ticket.api.TicketStatusChangedEvent;
import io.threadline.ticket.ticket.api.TicketTagsChangedEvent;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
    private List<String> tags = List.of();
    private Map<String, String> fields = Map.of();
    private TicketReference followUpOf;
    private TicketReference mergedInto;
    private final List<TicketReference> mergedFrom = new ArrayList<>();
    private final Map<String, TicketDetail.Message> messages = new LinkedHashMap<>();
    private final List<TicketDetail.Note> notes = new ArrayList<>();
    private final Map<String, TicketDetail.SurveyAnswer> surveyAnswers = new TreeMap<>();

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
            followUpOf = e.followUpOfTicketId() == null ? null
                    : new TicketReference(e.followUpOfTicketId(), e.followUpOfTicketNumber());
        } else if (payload instanceof InboundMessageRecordedEvent e) {
            MessageDetails m = e.message();
            Instant received = m.receivedAt() == null ? at : m.receivedAt();
            messages.put(m.messageId(), new TicketDetail.Message(m.messageId(), TicketDetail.Direction.INBOUND,
                    m.channel(), m.fromAddress(), m.fromName(), null, m.subject(), m.text(), m.attachments(), received,
                    null));
            channel = m.channel();
            lastMessageAt = received;
        } else if (payload instanceof ReplyRequestedEvent e) {
            messages.put(e.outboundId(), new TicketDetail.Message(e.outboundId(), TicketDetail.Direction.OUTBOUND,
                    e.channel(), e.recipient(), null, e.author(), e.subject(), e.text(), List.of(), at, null));
        } else if (payload instanceof ReplyDeliveryUpdatedEvent e) {
            messages.computeIfPresent(e.outboundId(), (outboundId, reply) -> reply.delivered(
                    new TicketDetail.Delivery(e.status(), e.providerMessageId(), e.error(), at)));
        } else if (payload instanceof InternalNoteAddedEvent e) {
            notes.add(new TicketDetail.Note(e.noteId(), e.author(), e.body(), at));
        } else if (payload instanceof TicketStatusChangedEvent e) {
            status = e.status();
        } else if (payload instanceof TicketAssignedEvent e) {
            assignee = e.assignee();
            group = e.group();
        } else if (payload instanceof TicketPriorityChangedEvent e) {
            priority = e.priority();
        } else if (payload instanceof TicketTagsChangedEvent e) {
            tags = List.copyOf(e.tags());
        } else if (payload instanceof TicketFieldsChangedEvent e) {
            fields = Map.copyOf(e.fields());
        } else if (payload instanceof TicketMergedEvent e) {
            if (e.source().ticketId().equals(id)) {
                mergedInto = e.target();
            } else {
                mergedFrom.add(e.source());
            }
        } else if (payload instanceof SurveyAnsweredEvent e) {
            surveyAnswers.put(e.surveyId(), new TicketDetail.SurveyAnswer(e.surveyId(), e.kind(), e.score(),
                    e.comment(), e.answeredAt()));
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
                group, channel, subject, createdAt, updatedAt, lastMessageAt, tags, version), new TreeMap<>(fields),
                new TicketDetail.Links(followUpOf, mergedInto, List.copyOf(mergedFrom)),
                List.copyOf(messages.values()), List.copyOf(notes), List.copyOf(surveyAnswers.values())));
    }
}
