package io.threadline.ticket.ticket.api;

import io.threadline.contracts.events.TicketStatus;
import org.axonframework.serialization.Revision;

/** The ticket's status changed; {@code changedBy} is null when a customer's message reopened it. */
@Revision("1")
public record TicketStatusChangedEvent(String ticketId, String ticketNumber, String customerId,
                                       TicketStatus previousStatus, TicketStatus status, String changedBy) {
}
