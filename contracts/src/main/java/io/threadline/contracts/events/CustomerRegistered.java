package io.threadline.contracts.events;

/** A customer became known through a first identity. */
public record CustomerRegistered(String customerId, Identity identity, String displayName) {
}
