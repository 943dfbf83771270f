package io.threadline.contracts.outbound;

import io.threadline.contracts.inbound.ThreadReferences;

import java.time.Instant;

/**
 * A reply for channel-gateway to deliver, published on {@code channel.outbound}. {@code ticketNumber} (optional)
 * lets the gateway put the ticket token into an email subject that lacks it.
 */
public record OutboundMessage(
        String outboundId,
        String ticketId,
        String ticketNumber,
        String customerId,
        String channel,
        String recipient,
        ThreadReferences thread,
        String subject,
        String text,
        String html,
        Instant requestedAt) {

    /** Without a ticket number, as producers wrote it before the field existed. */
    public OutboundMessage(String outboundId, String ticketId, String customerId, String channel, String recipient,
                           ThreadReferences thread, String subject, String text, String html, Instant requestedAt) {
        this(outboundId, ticketId, null, customerId, channel, recipient, thread, subject, text, html, requestedAt);
    }
}
