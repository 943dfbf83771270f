package io.threadline.ticket.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agent notes something for colleagues; the customer never sees it. */
public record AddInternalNoteCommand(@TargetAggregateIdentifier String ticketId, String noteId, String author,
                                     String body, Long expectedVersion) {
}
