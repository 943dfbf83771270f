package io.threadline.contracts.events;

/** An identity no longer belongs to the customer; its next message registers or finds another customer. */
public record IdentityUnlinked(String customerId, Identity identity, String unlinkedBy) {
}
