package io.threadline.ticket.customer.api;

import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A customer became known through a first, unverified identity. */
@Revision("1")
public record CustomerRegisteredEvent(String customerId, String channel, @PersonalData String address, @PersonalData String displayName) {
}
