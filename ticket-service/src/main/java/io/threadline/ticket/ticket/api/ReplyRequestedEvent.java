package io.threadline.ticket.ticket.api;

import org.axonframework.serialization.Revision;

/**
 * An agent's reply, to be delivered on {@code channel} to {@code recipient}: the relay publishes it to
 * {@code channel.outbound} as the outbound message {@code outboundId}.
 */
@Revision("1")
public record ReplyRequestedEvent(String ticketId, String ticketNumber, String customerId, String outboundId,
                                  String author, String channel, String recipient, String subject, String text) {
}
