package io.threadline.ticket.customer.api;

import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.Map;

/** The customer's whole profile after a change. */
@Revision("1")
public record CustomerProfileUpdatedEvent(String customerId, @PersonalData String name, String language, String timeZone,
                                          @PersonalData Map<String, String> attributes, String updatedBy) {
}
