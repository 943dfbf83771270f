package io.threadline.ticket.customer.query;

import io.threadline.ticket.customer.api.CustomerIdentity;
import io.threadline.ticket.customer.api.MergeRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer as agents see it, folded from its events: identities, profile, the merges it absorbed (each with the
 * id that undoes it) and, if it was merged away, the survivor. {@code version} is the ETag of the API.
 */
public record CustomerDetail(
        String customerId,
        String displayName,
        List<CustomerIdentity> identities,
        Profile profile,
        List<MergeRecord> merges,
        String mergedInto,
        boolean erased,
        Instant createdAt,
        long version) {

    public record Profile(String name, String language, String timeZone, Map<String, String> attributes) {
    }
}
