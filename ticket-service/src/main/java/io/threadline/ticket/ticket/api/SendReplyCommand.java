package io.threadline.ticket.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An agent replies to the customer. Without {@code address} the reply goes to the channel and address of the
 * customer's latest message; with one, to that identity, which must belong to the ticket's customer.
 * {@code emailMessageId} is the Message-ID the reply carries if it leaves by email, so answers to it thread back.
 */
public record SendReplyCommand(@TargetAggregateIdentifier String ticketId, String outboundId, String author,
                               String text, ReplyAddress address, String emailMessageId, Long expectedVersion) {
}
