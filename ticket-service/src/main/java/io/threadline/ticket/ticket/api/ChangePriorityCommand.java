package io.threadline.ticket.ticket.api;

import io.threadline.contracts.events.TicketPriority;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangePriorityCommand(@TargetAggregateIdentifier String ticketId, TicketPriority priority,
                                    String changedBy, Long expectedVersion) {
}
