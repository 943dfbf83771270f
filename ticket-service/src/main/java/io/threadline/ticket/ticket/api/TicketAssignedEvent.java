package io.threadline.ticket.ticket.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TicketAssignedEvent(String ticketId, String ticketNumber, String customerId, String assignee,
                                  String group, String previousAssignee, String previousGroup, String assignedBy) {
}
