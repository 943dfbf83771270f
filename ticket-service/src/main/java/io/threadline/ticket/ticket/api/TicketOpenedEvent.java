package io.threadline.ticket.ticket.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record TicketOpenedEvent(String ticketId, String ticketNumber, String customerId, String channel,
                                String subject, Instant openedAt) {
}
