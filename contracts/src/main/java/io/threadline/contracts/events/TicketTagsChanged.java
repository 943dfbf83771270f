package io.threadline.contracts.events;

import java.util.List;

/** The ticket's tags changed; {@code tags} is the whole set afterwards. */
public record TicketTagsChanged(
        String ticketId,
        String ticketNumber,
        List<String> tags,
        List<String> added,
        List<String> removed,
        String changedBy) {
}
