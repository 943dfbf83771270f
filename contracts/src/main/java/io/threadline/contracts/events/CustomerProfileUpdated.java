package io.threadline.contracts.events;

import java.util.Map;

/** The customer's profile as it now stands (every field, not only the changed ones). */
public record CustomerProfileUpdated(
        String customerId,
        String name,
        String language,
        String timeZone,
        Map<String, String> attributes,
        String updatedBy) {
}
