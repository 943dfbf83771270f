package io.threadline.ticket.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a ticket for a customer with its first message; {@code followUpOf} names the CLOSED ticket the message
 * was meant for, if any.
 */
public record OpenTicketCommand(@TargetAggregateIdentifier String ticketId, String ticketNumber, String customerId,
                                MessageDetails firstMessage, TicketReference followUpOf) {
}
