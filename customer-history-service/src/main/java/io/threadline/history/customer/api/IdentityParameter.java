package io.threadline.history.customer.api;

import io.threadline.contracts.inbound.Channel;
import io.threadline.servicekit.problem.ProblemException;

/** Reads the {@code identity} query parameter, {@code channel:address}, into a normalized identity key. */
final class IdentityParameter {

    static final String NAME = "identity";

    private IdentityParameter() {
    }

    /** The key as {@link Channel#identityKey} builds it; a 400 problem naming {@code identity} otherwise. */
    static String toIdentityKey(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(NAME, "is required, as channel:address (e.g. email:alice@example.com)");
        }
        int colon = value.indexOf(':');
        String channel = colon < 0 ? "" : value.substring(0, colon).trim();
        String address = colon < 0 ? "" : value.substring(colon + 1).trim();
        if (!Channel.isValidName(channel) || address.isEmpty()) {
            throw ProblemException.invalidField(NAME,
                    "must be channel:address with a lowercase channel name (e.g. email:alice@example.com)");
        }
        return Channel.identityKey(channel, address);
    }
}
