package io.threadline.history.customer.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who an identity ({@code channel:address}) belongs to, for lookups by exact key. Each owner is a customer whose
 * own events say the identity is linked to them; while a merge or a move is half projected there may briefly be
 * two, and the one that linked it last wins.
 */
public record IdentityOwners(String key, List<Owner> owners) {

    public IdentityOwners {
        owners = List.copyOf(owners);
    }

    public record Owner(String customerId, boolean verified, Instant since) {
    }

    /** The owners after the customer's node says what it says about this identity. */
    public IdentityOwners with(CustomerNode node) {
        List<Owner> updated = new ArrayList<>(owners.stream()
                .filter(o -> !o.customerId().equals(node.customerId())).toList());
        node.claim(key).filter(IdentityClaim::linked)
                .ifPresent(c -> updated.add(new Owner(node.customerId(), c.verified(), c.since())));
        updated.sort(Comparator.comparing(Owner::customerId));
        return new IdentityOwners(key, updated);
    }

    public Optional<Owner> latest() {
        return owners.stream().max(Comparator.comparing((Owner o) -> o.since() == null ? Instant.MIN : o.since())
                .thenComparing(Owner::customerId));
    }
}
