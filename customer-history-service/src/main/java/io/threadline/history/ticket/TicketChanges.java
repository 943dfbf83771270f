package io.threadline.history.ticket;

import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.TicketAssigned;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.events.TicketPriorityChanged;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.events.TicketStatusChanged;
import io.threadline.contracts.events.TicketTagsChanged;
import io.threadline.contracts.events.TicketsMerged;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Applies ticket events to a {@link TicketState}. Pure; each value changes only for a newer aggregate sequence. */
public final class TicketChanges {

    private TicketChanges() {
    }

    public static TicketState apply(TicketState t, IntegrationEvent event, Object payload) {
        long seq = event.aggregateSequence();
        Instant at = event.occurredAt() == null ? null : event.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        Instant lastActivity = t.lastActivityAt() == null || (at != null && at.isAfter(t.lastActivityAt()))
                ? at : t.lastActivityAt();
        String number = t.ticketNumber() != null ? t.ticketNumber() : TicketNumbers.of(payload);
        String channel = t.channel();
        String subject = t.subject();
        Instant openedAt = t.openedAt();
        String followUpOf = t.followUpOfTicketNumber();
        String status = t.status();
        long statusSeq = t.statusSeq();
        String priority = t.priority();
        long prioritySeq = t.prioritySeq();
        String assignee = t.assignee();
        String group = t.group();
        long assignmentSeq = t.assignmentSeq();
        var tags = t.tags();
        long tagsSeq = t.tagsSeq();
        String mergedInto = t.mergedIntoTicketNumber();
        if (payload instanceof TicketOpened opened) {
            channel = opened.channel();
            subject = opened.subject();
            openedAt = at;
            followUpOf = opened.followUpOfTicketNumber();
            if (statusSeq < seq) {
                status = TicketStatus.NEW.name();
                statusSeq = seq;
            }
            if (prioritySeq < seq) {
                priority = "NORMAL";
                prioritySeq = seq;
            }
        } else if (payload instanceof TicketStatusChanged changed && statusSeq < seq) {
            status = changed.status() == null ? null : changed.status().name();
            statusSeq = seq;
        } else if (payload instanceof TicketPriorityChanged changed && prioritySeq < seq) {
            priority = changed.priority() == null ? null : changed.priority().name();
            prioritySeq = seq;
        } else if (payload instanceof TicketAssigned assigned && assignmentSeq < seq) {
            assignee = assigned.assignee();
            group = assigned.group();
            assignmentSeq = seq;
        } else if (payload instanceof TicketTagsChanged changed && tagsSeq < seq) {
            tags = changed.tags();
            tagsSeq = seq;
        } else if (payload instanceof TicketsMerged merged && t.ticketId().equals(merged.sourceTicketId())) {
            mergedInto = merged.targetTicketNumber();
        }
        return new TicketState(t.ticketId(), number, channel, subject, openedAt, followUpOf, status, statusSeq,
                priority, prioritySeq, assignee, group, assignmentSeq, tags, tagsSeq, mergedInto, lastActivity);
    }

    /** The ticket without personal data: its subject goes. */
    public static TicketState erase(TicketState t) {
        return new TicketState(t.ticketId(), t.ticketNumber(), t.channel(), null, t.openedAt(),
                t.followUpOfTicketNumber(), t.status(), t.statusSeq(), t.priority(), t.prioritySeq(), t.assignee(),
                t.group(), t.assignmentSeq(), t.tags(), t.tagsSeq(), t.mergedIntoTicketNumber(), t.lastActivityAt());
    }
}
