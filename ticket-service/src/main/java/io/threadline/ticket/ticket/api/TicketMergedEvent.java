package io.threadline.ticket.ticket.api;

import org.axonframework.serialization.Revision;

/**
 * A duplicate ticket ({@code source}) was merged into {@code target}. Applied on both tickets; the source is also
 * closed, and messages that reach it afterwards go to the target.
 */
@Revision("1")
public record TicketMergedEvent(String ticketId, String ticketNumber, String customerId, TicketReference source,
                                TicketReference target, String mergedBy) {
}
