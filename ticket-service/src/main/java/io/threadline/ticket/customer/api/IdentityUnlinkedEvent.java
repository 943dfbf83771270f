package io.threadline.ticket.customer.api;

import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** An identity no longer belongs to the customer. */
@Revision("1")
public record IdentityUnlinkedEvent(String customerId, String channel, @PersonalData String address, String unlinkedBy) {
}
