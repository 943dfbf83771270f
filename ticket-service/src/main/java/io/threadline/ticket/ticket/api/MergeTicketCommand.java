package io.threadline.ticket.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Merge this ticket (the duplicate) into {@code target}: it closes, linked to the target. */
public record MergeTicketCommand(@TargetAggregateIdentifier String ticketId, TicketReference target, String mergedBy,
                                 Long expectedVersion) {
}
