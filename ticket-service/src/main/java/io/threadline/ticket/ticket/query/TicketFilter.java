package io.threadline.ticket.ticket.query;

import io.threadline.contracts.events.TicketStatus;

/** Which tickets to list; a null criterion matches every ticket. */
public record TicketFilter(TicketStatus status, String assignee, String customerId, String channel) {
}
