package io.threadline.history.customer.graph;

import java.util.Map;

/** The customer's profile as the last {@code CustomerProfileUpdated} stated it. */
public record Profile(String name, String language, String timeZone, Map<String, String> attributes) {

    public Profile {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
