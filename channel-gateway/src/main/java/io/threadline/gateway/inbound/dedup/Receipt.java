package io.threadline.gateway.inbound.dedup;

import java.time.Instant;

/**
 * Proof that a provider message was published: its dedup key ({@code channel:providerMessageId}), when it was
 * accepted and, for the integrator API, a fingerprint of the request so a reused key with another message is
 * caught. {@code fingerprint} is null where the provider's own id is the only identity (webhooks).
 */
public record Receipt(String key, Instant acceptedAt, String fingerprint) {

    public static String key(String channel, String providerMessageId) {
        return channel + ":" + providerMessageId;
    }

    /** True when both describe the same request, or when either side has no fingerprint to compare. */
    public boolean sameRequestAs(String otherFingerprint) {
        return fingerprint == null || otherFingerprint == null || fingerprint.equals(otherFingerprint);
    }
}
