package io.threadline.ticket.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Assign a ticket to an agent and/or a group; a null assignee unassigns it. {@code mayReassignOthers} says
 * whether the caller may take the ticket away from another agent (supervisors and admins).
 */
public record AssignTicketCommand(@TargetAggregateIdentifier String ticketId, String assignee, String group,
                                  String assignedBy, boolean mayReassignOthers, Long expectedVersion) {
}
