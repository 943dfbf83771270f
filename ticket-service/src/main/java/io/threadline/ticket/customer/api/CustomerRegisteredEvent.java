package io.threadline.ticket.customer.api;

import org.axonframework.serialization.Revision;

/** A customer became known through a first, unverified identity. */
@Revision("1")
public record CustomerRegisteredEvent(String customerId, String channel, String address, String displayName) {
}
