package io.threadline.contracts.events;

import java.util.List;

/**
 * Two customer records turned out to be one person. Published on both aggregates ({@code customerId} says which
 * one this is): the merged customer's identities moved to the survivor. Reversible by {@link CustomersUnmerged}
 * with the same {@code mergeId}.
 */
public record CustomersMerged(
        String customerId,
        String survivorCustomerId,
        String mergedCustomerId,
        String mergeId,
        List<Identity> movedIdentities,
        String mergedBy) {
}
