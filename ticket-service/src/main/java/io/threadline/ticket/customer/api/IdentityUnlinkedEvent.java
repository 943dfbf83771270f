package io.threadline.ticket.customer.api;

import org.axonframework.serialization.Revision;

/** An identity no longer belongs to the customer. */
@Revision("1")
public record IdentityUnlinkedEvent(String customerId, String channel, String address, String unlinkedBy) {
}
