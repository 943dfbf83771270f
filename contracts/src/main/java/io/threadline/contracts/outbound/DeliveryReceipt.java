package io.threadline.contracts.outbound;

import java.time.Instant;

/** What became of an outbound message, published on {@code channel.delivery}. */
public record DeliveryReceipt(
        String outboundId,
        DeliveryStatus status,
        String providerMessageId,
        String error,
        Instant occurredAt) {
}
