package io.threadline.contracts.events;

/**
 * An identity now reaches the customer. {@code evidence} says why it is believed to be theirs (a verified
 * login, an agent's check, an inbound message); {@code linkedBy} is absent when an inbound message linked it.
 */
public record IdentityLinked(String customerId, Identity identity, String evidence, String linkedBy) {
}
