package io.threadline.ticket.ticket.api;

import io.threadline.contracts.events.ThreadingRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a customer's message to a ticket the threading rules chose. */
public record RecordInboundMessageCommand(@TargetAggregateIdentifier String ticketId, MessageDetails message,
                                          ThreadingRule threadingRule) {
}
