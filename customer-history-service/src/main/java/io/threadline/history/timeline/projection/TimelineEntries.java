package io.threadline.history.timeline.projection;

import io.threadline.contracts.events.InternalNoteAdded;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ReplyRequested;
import io.threadline.contracts.events.SurveyAnswered;
import io.threadline.contracts.events.TicketAssigned;
import io.threadline.contracts.events.TicketFieldsChanged;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.events.TicketPriorityChanged;
import io.threadline.contracts.events.TicketStatusChanged;
import io.threadline.contracts.events.TicketTagsChanged;
import io.threadline.contracts.events.TicketsMerged;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.TimelineEntry.Author;
import io.threadline.history.timeline.TimelineEntry.AuthorKind;
import io.threadline.history.timeline.TimelineEntry.Direction;
import io.threadline.history.timeline.TimelineEntry.Type;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the timeline entry of an integration event. Pure: no I/O, no clock; the entry depends on the event alone,
 * so a redelivery or a replay builds the same entry. Its id is the event id. Times are cut to milliseconds, the
 * precision of BSON dates, so a stored entry equals the one built here. {@code recordedAt} is set when stored.
 */
public final class TimelineEntries {

    private TimelineEntries() {
    }

    /** The entry for this event, or empty for events that are not interactions (customer events, deliveries). */
    public static Optional<TimelineEntry> of(IntegrationEvent event, Object payload) {
        if (payload instanceof MessageReceived message) {
            return Optional.of(inboundMessage(event, message));
        }
        if (payload instanceof ReplyRequested reply) {
            return Optional.of(entry(event, Type.MESSAGE, Direction.OUTBOUND, reply.channel(), reply.ticketNumber(),
                    reply.outboundId(), agent(reply.author()), reply.subject(), reply.text(), null, null, null, null,
                    null, null, null, event.occurredAt(), null));
        }
        if (payload instanceof InternalNoteAdded note) {
            return Optional.of(entry(event, Type.NOTE, Direction.INTERNAL, null, note.ticketNumber(), note.noteId(),
                    agent(note.author()), null, note.body(), null, null, null, null, null, null, null,
                    event.occurredAt(), null));
        }
        if (payload instanceof TicketOpened opened) {
            TimelineEntry.RelatedTicket followUpOf = opened.followUpOfTicketId() == null ? null
                    : new TimelineEntry.RelatedTicket(opened.followUpOfTicketId(), opened.followUpOfTicketNumber());
            return Optional.of(entry(event, Type.TICKET_OPENED, Direction.INTERNAL, opened.channel(),
                    opened.ticketNumber(), null, system(), opened.subject(), null, null, null, null, null, null, null,
                    followUpOf, event.occurredAt(), null));
        }
        if (payload instanceof TicketStatusChanged status) {
            return Optional.of(activity(event, Type.STATUS_CHANGED, status.ticketNumber(), status.changedBy(),
                    new TimelineEntry.Change(name(status.previousStatus()), name(status.status())), null, null, null,
                    null));
        }
        if (payload instanceof TicketAssigned assigned) {
            return Optional.of(activity(event, Type.ASSIGNED, assigned.ticketNumber(), assigned.assignedBy(), null,
                    new TimelineEntry.Assignment(assigned.assignee(), assigned.group(), assigned.previousAssignee(),
                            assigned.previousGroup()), null, null, null));
        }
        if (payload instanceof TicketPriorityChanged priority) {
            return Optional.of(activity(event, Type.PRIORITY_CHANGED, priority.ticketNumber(), priority.changedBy(),
                    new TimelineEntry.Change(name(priority.previousPriority()), name(priority.priority())), null, null,
                    null, null));
        }
        if (payload instanceof TicketTagsChanged tags) {
            return Optional.of(activity(event, Type.TAGS_CHANGED, tags.ticketNumber(), tags.changedBy(), null, null,
                    new TimelineEntry.TagChange(list(tags.tags()), list(tags.added()), list(tags.removed())), null,
                    null));
        }
        if (payload instanceof TicketFieldsChanged fields) {
            return Optional.of(activity(event, Type.FIELDS_CHANGED, fields.ticketNumber(), fields.changedBy(), null,
                    null, null, fields.fields() == null ? Map.of() : new TreeMap<>(fields.fields()), null));
        }
        if (payload instanceof TicketsMerged merged) {
            boolean isSource = event.aggregateId().equals(merged.sourceTicketId());
            TimelineEntry.RelatedTicket other = isSource
                    ? new TimelineEntry.RelatedTicket(merged.targetTicketId(), merged.targetTicketNumber())
                    : new TimelineEntry.RelatedTicket(merged.sourceTicketId(), merged.sourceTicketNumber());
            return Optional.of(activity(event, Type.TICKETS_MERGED, merged.ticketNumber(), merged.mergedBy(), null,
                    null, null, null, other));
        }
        if (payload instanceof SurveyAnswered survey) {
            return Optional.of(entry(event, Type.SURVEY_ANSWERED, Direction.INBOUND, null, survey.ticketNumber(), null,
                    new Author(AuthorKind.CUSTOMER, null, null), null, null, null, null, null, null, null,
                    new TimelineEntry.Survey(survey.surveyId(), name(survey.kind()), survey.score(), survey.comment()),
                    null, survey.answeredAt() != null ? survey.answeredAt() : event.occurredAt(), null));
        }
        return Optional.empty();
    }

    private static TimelineEntry inboundMessage(IntegrationEvent event, MessageReceived message) {
        Instant occurredAt = message.receivedAt() != null ? message.receivedAt() : event.occurredAt();
        // Always an author object, also when a replay of an erased customer's message carries no sender.
        Author author = new Author(AuthorKind.CUSTOMER, message.sender() == null ? null : message.sender().address(),
                message.sender() == null ? null : message.sender().displayName());
        List<TimelineEntry.Attachment> attachments = message.attachments() == null ? List.of()
                : message.attachments().stream().map(a -> new TimelineEntry.Attachment(a.name(), a.contentType(),
                        a.size(), a.sha256(), a.location())).toList();
        return entry(event, Type.MESSAGE, Direction.INBOUND, message.channel(), message.ticketNumber(),
                message.messageId(), author, message.subject(), message.text(), attachments, null, null, null, null,
                null, null, occurredAt, message.acceptedAt());
    }

    private static TimelineEntry activity(IntegrationEvent event, Type type, String ticketNumber, String agent,
                                          TimelineEntry.Change change, TimelineEntry.Assignment assignment,
                                          TimelineEntry.TagChange tags, Map<String, String> fields,
                                          TimelineEntry.RelatedTicket related) {
        return entry(event, type, Direction.INTERNAL, null, ticketNumber, null, agent(agent), null, null, null, change,
                assignment, tags, fields, null, related, event.occurredAt(), null);
    }

    private static TimelineEntry entry(IntegrationEvent event, Type type, Direction direction, String channel,
                                       String ticketNumber, String messageId, Author author, String subject,
                                       String text, List<TimelineEntry.Attachment> attachments,
                                       TimelineEntry.Change change, TimelineEntry.Assignment assignment,
                                       TimelineEntry.TagChange tags, Map<String, String> fields,
                                       TimelineEntry.Survey survey, TimelineEntry.RelatedTicket related,
                                       Instant occurredAt, Instant acceptedAt) {
        if (isBlank(event.eventId()) || isBlank(event.customerId()) || isBlank(event.aggregateId())) {
            throw new IllegalArgumentException(event.type() + " " + event.eventId()
                    + " lacks an eventId, a customerId or an aggregateId");
        }
        if (occurredAt == null) {
            throw new IllegalArgumentException(event.type() + " " + event.eventId() + " has no time (occurredAt)");
        }
        return new TimelineEntry(event.eventId(), event.customerId(), type, direction, channel, event.aggregateId(),
                ticketNumber, messageId, author, subject, text, attachments, change, assignment, tags, fields, survey,
                null, related, millis(occurredAt), millis(acceptedAt), null);
    }

    /** An agent's action; the system's when no agent is named (e.g. a customer's message reopened the ticket). */
    private static Author agent(String name) {
        return name == null || name.isBlank() ? system() : new Author(AuthorKind.AGENT, null, name);
    }

    private static Author system() {
        return new Author(AuthorKind.SYSTEM, null, null);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
