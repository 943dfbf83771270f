package io.threadline.ticket.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record on the target that {@code source} was merged into it. */
public record AbsorbMergedTicketCommand(@TargetAggregateIdentifier String ticketId, TicketReference source,
                                        String mergedBy) {
}
