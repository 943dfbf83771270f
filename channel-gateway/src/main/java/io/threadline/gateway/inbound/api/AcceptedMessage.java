package io.threadline.gateway.inbound.api;

import java.time.Instant;

/**
 * The answer to an accepted message. {@code duplicate} is true when the same provider message id was
 * accepted before: nothing new was published.
 */
public record AcceptedMessage(String channel, String providerMessageId, String senderKey, Instant acceptedAt,
                              boolean duplicate) {
}
