package io.threadline.ticket.ticket.api;

import io.threadline.contracts.events.TicketPriority;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TicketPriorityChangedEvent(String ticketId, String ticketNumber, String customerId,
                                         TicketPriority previousPriority, TicketPriority priority, String changedBy) {
}
