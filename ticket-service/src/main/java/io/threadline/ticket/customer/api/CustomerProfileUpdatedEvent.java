package io.threadline.ticket.customer.api;

import org.axonframework.serialization.Revision;

import java.util.Map;

/** The customer's whole profile after a change. */
@Revision("1")
public record CustomerProfileUpdatedEvent(String customerId, String name, String language, String timeZone,
                                          Map<String, String> attributes, String updatedBy) {
}
