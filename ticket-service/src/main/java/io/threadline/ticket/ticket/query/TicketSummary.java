package io.threadline.ticket.ticket.query;

import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;

import java.time.Instant;
import java.util.List;

/** A row of the agents' ticket list. {@code version} is the aggregate sequence the row reflects. */
public record TicketSummary(
        String id,
        String number,
        String customerId,
        TicketStatus status,
        TicketPriority priority,
        String assignee,
        String group,
        String channel,
        String subject,
        Instant createdAt,
        Instant updatedAt,
        Instant lastMessageAt,
        List<String> tags,
        long version) {
}
