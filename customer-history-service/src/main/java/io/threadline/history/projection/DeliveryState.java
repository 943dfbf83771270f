package io.threadline.history.projection;

import java.time.Instant;

/** What became of a reply ({@code outboundId}), as of the ticket's aggregate sequence {@code seq}. */
public record DeliveryState(String outboundId, String customerId, String status, String providerMessageId,
                            String error, long seq, Instant updatedAt) {
}
