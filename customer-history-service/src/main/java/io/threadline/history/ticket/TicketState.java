package io.threadline.history.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as its events describe it. Each changeable value keeps the aggregate sequence that set it, so a late
 * or repeated event never overwrites a newer value; {@code lastActivityAt} is the latest time of any event.
 */
public record TicketState(
        String ticketId,
        String ticketNumber,
        String channel,
        String subject,
        Instant openedAt,
        String followUpOfTicketNumber,
        String status,
        long statusSeq,
        String priority,
        long prioritySeq,
        String assignee,
        String group,
        long assignmentSeq,
        List<String> tags,
        long tagsSeq,
        String mergedIntoTicketNumber,
        Instant lastActivityAt) {

    public TicketState {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static TicketState unknown(String ticketId) {
        return new TicketState(ticketId, null, null, null, null, null, null, 0, null, 0, null, null, 0, List.of(), 0,
                null, null);
    }
}
