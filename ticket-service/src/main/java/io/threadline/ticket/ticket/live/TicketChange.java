package io.threadline.ticket.ticket.live;

import java.time.Instant;

/** A change to a ticket, as agent screens are told of it: which ticket, what happened, its version afterwards. */
public record TicketChange(String ticketId, String ticketNumber, String customerId, String type, long version,
                           Instant at) {
}
