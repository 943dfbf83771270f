package io.threadline.contracts.events;

/** A ticket's priority changed. */
public record TicketPriorityChanged(
        String ticketId,
        String ticketNumber,
        TicketPriority previousPriority,
        TicketPriority priority,
        String changedBy) {
}
