package io.threadline.history.ticket;

import java.time.Instant;

/** A ticket of a customer as the history shows it; {@code openedAt} is when the ticket was opened. */
public record TicketSummary(String ticketId, String ticketNumber, String channel, String subject, Instant openedAt) {
}
