package io.threadline.ticket.customer.api;

import org.axonframework.serialization.Revision;

/** An identity now reaches the customer; {@code evidence} says why it is believed to be theirs. */
@Revision("1")
public record IdentityLinkedEvent(String customerId, String channel, String address, boolean verified,
                                  String evidence, String linkedBy) {
}
