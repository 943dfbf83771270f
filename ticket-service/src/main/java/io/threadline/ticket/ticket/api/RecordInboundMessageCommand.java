package io.threadline.ticket.ticket.api;

import io.threadline.contracts.events.ThreadingRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;

/**
 * Add a customer's message to the ticket the threading rules chose: by an explicit reference
 * ({@link ThreadingRule#EXPLICIT_REFERENCE}), or as the customer's latest ticket ({@link ThreadingRule#OPEN_TICKET}),
 * which the ticket itself accepts only while open or solved within {@code reopenWindow}.
 */
public record RecordInboundMessageCommand(@TargetAggregateIdentifier String ticketId, MessageDetails message,
                                          ThreadingRule threadingRule, Duration reopenWindow) {
}
