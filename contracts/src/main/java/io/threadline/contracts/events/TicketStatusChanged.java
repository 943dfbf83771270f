package io.threadline.contracts.events;

/**
 * A ticket moved from {@code previousStatus} to {@code status}. {@code changedBy} is the agent who changed it,
 * absent when a customer's message reopened the ticket.
 */
public record TicketStatusChanged(
        String ticketId,
        String ticketNumber,
        TicketStatus previousStatus,
        TicketStatus status,
        String changedBy) {
}
