package io.threadline.contracts.events;

/**
 * A duplicate ticket was merged into another. Published on both tickets ({@code ticketId} says which one this
 * is): the source is closed with a link to the target, which continues the conversation.
 */
public record TicketsMerged(
        String ticketId,
        String ticketNumber,
        String sourceTicketId,
        String sourceTicketNumber,
        String targetTicketId,
        String targetTicketNumber,
        String mergedBy) {
}
