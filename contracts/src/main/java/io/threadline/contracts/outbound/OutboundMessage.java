package io.threadline.contracts.outbound;

import io.threadline.contracts.inbound.ThreadReferences;

import java.time.Instant;

/** A reply for channel-gateway to deliver, published on {@code channel.outbound}. */
public record OutboundMessage(
        String outboundId,
        String ticketId,
        String customerId,
        String channel,
        String recipient,
        ThreadReferences thread,
        String subject,
        String text,
        String html,
        Instant requestedAt) {
}
