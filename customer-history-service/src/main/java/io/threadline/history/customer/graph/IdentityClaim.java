package io.threadline.history.customer.graph;

import java.time.Instant;

/**
 * What a customer's own events say about one identity: linked or not, as of aggregate sequence {@code seq}.
 * {@code key} is {@code channel:address} in normalized form; {@code since} is when the event that decided it happened.
 */
public record IdentityClaim(String key, String channel, String address, boolean verified, boolean linked, long seq,
                            Instant since) {
}
