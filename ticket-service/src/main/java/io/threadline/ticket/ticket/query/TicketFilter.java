package io.threadline.ticket.ticket.query;

import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;

/**
 * Which tickets to list; a null criterion matches every ticket. {@code text} matches case-insensitively within the
 * subject or any message of the ticket.
 */
public record TicketFilter(TicketStatus status, String assignee, String group, TicketPriority priority,
                           String channel, String tag, String customerId, String text) {
}
