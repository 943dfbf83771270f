package io.threadline.ticket.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** Set the ticket's tags to exactly {@code tags}. */
public record SetTagsCommand(@TargetAggregateIdentifier String ticketId, Set<String> tags, String changedBy,
                             Long expectedVersion) {
}
