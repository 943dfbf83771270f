package io.threadline.history.customer.graph;

import io.threadline.contracts.events.CustomerErased;
import io.threadline.contracts.events.CustomerProfileUpdated;
import io.threadline.contracts.events.CustomerRegistered;
import io.threadline.contracts.events.CustomersMerged;
import io.threadline.contracts.events.CustomersUnmerged;
import io.threadline.contracts.events.Identity;
import io.threadline.contracts.events.IdentityLinked;
import io.threadline.contracts.events.IdentityUnlinked;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.inbound.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies customer events to a {@link CustomerNode}. Pure: no I/O, no clock. Each change is guarded by the
 * aggregate sequence of the value it changes, so applying an event twice, or an older event after a newer one,
 * leaves the node as it was. Merges and unmerges arrive on both customers; each side records its own half.
 */
public final class CustomerGraph {

    private CustomerGraph() {
    }

    /** The node after {@code payload} (the decoded payload of {@code event}); unchanged for other event types. */
    public static CustomerNode apply(CustomerNode node, IntegrationEvent event, Object payload) {
        long seq = event.aggregateSequence();
        if (payload instanceof CustomerRegistered registered) {
            CustomerNode named = new CustomerNode(node.customerId(), true,
                    node.erased() ? null : registered.displayName(), node.profile(), node.profileSeq(),
                    node.identities(), node.mergedInto(), node.absorbed(), node.erased());
            return claim(named, registered.identity(), true, seq, event.occurredAt());
        }
        if (payload instanceof IdentityLinked linked) {
            return claim(node, linked.identity(), true, seq, event.occurredAt());
        }
        if (payload instanceof IdentityUnlinked unlinked) {
            return claim(node, unlinked.identity(), false, seq, event.occurredAt());
        }
        if (payload instanceof CustomersMerged merged) {
            return merge(node, merged.survivorCustomerId(), merged.mergedCustomerId(), merged.mergeId(), true,
                    merged.movedIdentities(), seq, event.occurredAt());
        }
        if (payload instanceof CustomersUnmerged unmerged) {
            return merge(node, unmerged.survivorCustomerId(), unmerged.mergedCustomerId(), unmerged.mergeId(), false,
                    unmerged.returnedIdentities(), seq, event.occurredAt());
        }
        if (payload instanceof CustomerProfileUpdated profile) {
            if (node.erased() || seq <= node.profileSeq()) {
                return node;
            }
            return new CustomerNode(node.customerId(), node.registered(), node.displayName(),
                    new Profile(profile.name(), profile.language(), profile.timeZone(), profile.attributes()), seq,
                    node.identities(), node.mergedInto(), node.absorbed(), false);
        }
        if (payload instanceof CustomerErased) {
            return erase(node);
        }
        return node;
    }

    /** The node with its personal data removed: names, profile, identities. Merge links are kept (no personal data). */
    public static CustomerNode erase(CustomerNode node) {
        return new CustomerNode(node.customerId(), node.registered(), null, null, Long.MAX_VALUE, List.of(),
                node.mergedInto(), node.absorbed(), true);
    }

    private static CustomerNode merge(CustomerNode node, String survivor, String merged, String mergeId,
                                      boolean active, List<Identity> identities, long seq, Instant at) {
        CustomerNode result = node;
        if (node.customerId().equals(merged)) {
            if (node.mergedInto() == null || node.mergedInto().seq() < seq) {
                result = withMergedInto(node, new MergeLink(survivor, mergeId, active, seq));
            }
            // A merge takes the identities away from the merged customer; an unmerge gives them back.
            return claimAll(result, identities, !active, seq, at);
        }
        if (node.customerId().equals(survivor)) {
            List<MergeLink> absorbed = new ArrayList<>();
            boolean newer = true;
            for (MergeLink link : node.absorbed()) {
                if (link.customerId().equals(merged)) {
                    newer = link.seq() < seq;
                    if (!newer) {
                        absorbed.add(link);
                    }
                } else {
                    absorbed.add(link);
                }
            }
            if (newer) {
                absorbed.add(new MergeLink(merged, mergeId, active, seq));
                absorbed.sort(Comparator.comparing(MergeLink::customerId));
                result = new CustomerNode(node.customerId(), node.registered(), node.displayName(), node.profile(),
                        node.profileSeq(), node.identities(), node.mergedInto(), absorbed, node.erased());
            }
            return claimAll(result, identities, active, seq, at);
        }
        return node;
    }

    private static CustomerNode withMergedInto(CustomerNode node, MergeLink link) {
        return new CustomerNode(node.customerId(), node.registered(), node.displayName(), node.profile(),
                node.profileSeq(), node.identities(), link, node.absorbed(), node.erased());
    }

    private static CustomerNode claimAll(CustomerNode node, List<Identity> identities, boolean linked, long seq,
                                         Instant at) {
        CustomerNode result = node;
        for (Identity identity : identities == null ? List.<Identity>of() : identities) {
            result = claim(result, identity, linked, seq, at);
        }
        return result;
    }

    /** Records that the identity is (or is no longer) the customer's, unless a newer event said otherwise. */
    private static CustomerNode claim(CustomerNode node, Identity identity, boolean linked, long seq, Instant at) {
        // An erased customer keeps no addresses; a replayed event of an erased customer carries none.
        if (node.erased() || identity == null || isBlank(identity.channel()) || isBlank(identity.address())) {
            return node;
        }
        String address = Channel.normalizeAddress(identity.channel(), identity.address());
        String key = Channel.identityKey(identity.channel(), address);
        IdentityClaim existing = node.claim(key).orElse(null);
        if (existing != null && existing.seq() >= seq) {
            return node;
        }
        List<IdentityClaim> claims = new ArrayList<>(node.identities().stream().filter(c -> !c.key().equals(key)).toList());
        claims.add(new IdentityClaim(key, identity.channel(), address, identity.verified(), linked, seq, at));
        // Sorted, so the node is the same whatever order the events came in.
        claims.sort(Comparator.comparing(IdentityClaim::key));
        return new CustomerNode(node.customerId(), node.registered(), node.displayName(), node.profile(),
                node.profileSeq(), claims, node.mergedInto(), node.absorbed(), node.erased());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
