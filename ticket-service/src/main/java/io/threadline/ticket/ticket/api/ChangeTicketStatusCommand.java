package io.threadline.ticket.ticket.api;

import io.threadline.contracts.events.TicketStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agent sets a ticket's status. {@code expectedVersion} (from If-Match) may be null: no check. */
public record ChangeTicketStatusCommand(@TargetAggregateIdentifier String ticketId, TicketStatus status,
                                        String changedBy, Long expectedVersion) {
}
