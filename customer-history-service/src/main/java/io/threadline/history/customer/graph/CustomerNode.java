package io.threadline.history.customer.graph;

import java.util.List;
import java.util.Optional;

/**
 * One customer in the identity graph, exactly as the customer's own events describe it. Every value that events
 * change remembers the aggregate sequence that set it (a high-water mark per value), so a redelivered or late
 * event never overwrites a newer one: the node is the same whatever order its events arrive in.
 *
 * @param identities every identity the events mentioned, linked or no longer
 * @param mergedInto the survivor this customer was merged into (inactive once unmerged), or null
 * @param absorbed   the customers merged into this one, one link per customer
 * @param erased     personal data erased; later events add none back
 */
public record CustomerNode(
        String customerId,
        boolean registered,
        String displayName,
        Profile profile,
        long profileSeq,
        List<IdentityClaim> identities,
        MergeLink mergedInto,
        List<MergeLink> absorbed,
        boolean erased) {

    public CustomerNode {
        identities = List.copyOf(identities);
        absorbed = List.copyOf(absorbed);
    }

    public static CustomerNode unknown(String customerId) {
        return new CustomerNode(customerId, false, null, null, 0, List.of(), null, List.of(), false);
    }

    public List<IdentityClaim> linkedIdentities() {
        return identities.stream().filter(IdentityClaim::linked).toList();
    }

    public Optional<IdentityClaim> claim(String key) {
        return identities.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The survivor this customer is merged into right now. */
    public Optional<String> activeSurvivor() {
        return mergedInto != null && mergedInto.active() ? Optional.of(mergedInto.customerId()) : Optional.empty();
    }

    /** The customers merged into this one right now. */
    public List<String> activelyAbsorbed() {
        return absorbed.stream().filter(MergeLink::active).map(MergeLink::customerId).toList();
    }
}
