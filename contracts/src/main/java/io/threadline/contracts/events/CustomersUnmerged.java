package io.threadline.contracts.events;

import java.util.List;

/**
 * A merge was undone. Published on both aggregates: the identities that moved in {@code mergeId} went back to
 * the formerly merged customer, whose tickets and history are theirs again.
 */
public record CustomersUnmerged(
        String customerId,
        String survivorCustomerId,
        String mergedCustomerId,
        String mergeId,
        List<Identity> returnedIdentities,
        String unmergedBy) {
}
