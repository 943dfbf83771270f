package io.threadline.ticket.ticket.api;

/** A link to another ticket, by id and human number. */
public record TicketReference(String ticketId, String ticketNumber) {
}
