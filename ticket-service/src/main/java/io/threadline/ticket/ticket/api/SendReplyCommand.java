package io.threadline.ticket.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An agent replies to the customer. Without {@code address} the reply goes to the channel and address of the
 * customer's latest message; with one, to that identity, which must belong to the ticket's customer.
 */
public record SendReplyCommand(@TargetAggregateIdentifier String ticketId, String outboundId, String author,
                               String text, ReplyAddress address, Long expectedVersion) {
}
