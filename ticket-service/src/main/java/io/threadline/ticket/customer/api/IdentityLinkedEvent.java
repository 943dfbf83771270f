package io.threadline.ticket.customer.api;

import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** An identity now reaches the customer; {@code evidence} says why it is believed to be theirs. */
@Revision("1")
public record IdentityLinkedEvent(String customerId, String channel, @PersonalData String address, boolean verified,
                                  @PersonalData String evidence, String linkedBy) {
}
