package io.threadline.contracts.events;

/**
 * A ticket was opened for a customer by a first message on {@code channel}. A follow-up of a CLOSED ticket
 * names it in {@code followUpOfTicketId} and {@code followUpOfTicketNumber} (schema version 2).
 */
public record TicketOpened(
        String ticketId,
        String ticketNumber,
        String customerId,
        String channel,
        String subject,
        String followUpOfTicketId,
        String followUpOfTicketNumber) {
}
