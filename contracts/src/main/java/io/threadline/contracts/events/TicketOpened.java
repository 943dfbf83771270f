package io.threadline.contracts.events;

/** A ticket was opened for a customer by a first message on {@code channel}. */
public record TicketOpened(String ticketId, String ticketNumber, String customerId, String channel, String subject) {
}
