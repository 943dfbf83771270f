package io.threadline.ticket.customer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Replace the customer's profile (name, language, time zone, custom attributes). */
public record UpdateProfileCommand(@TargetAggregateIdentifier String customerId, String name, String language,
                                   String timeZone, Map<String, String> attributes, String updatedBy,
                                   Long expectedVersion) {
}
