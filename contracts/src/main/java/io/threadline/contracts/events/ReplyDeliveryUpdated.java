package io.threadline.contracts.events;

import io.threadline.contracts.outbound.DeliveryStatus;

/** What became of a reply ({@code outboundId} of a {@link ReplyRequested}), as the channel reported it. */
public record ReplyDeliveryUpdated(
        String ticketId,
        String ticketNumber,
        String outboundId,
        DeliveryStatus status,
        String providerMessageId,
        String error) {
}
