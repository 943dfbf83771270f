package io.threadline.history.customer.store;

import io.threadline.history.customer.graph.CustomerNode;
import io.threadline.history.customer.graph.IdentityOwners;
import io.threadline.history.projection.CustomerHistory;
import io.threadline.history.projection.ProjectionCopies;
import io.threadline.history.projection.ProjectionCopy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Resolves customers through the identity graph of the served copy, by exact {@code _id} reads only. */
@ApplicationScoped
public class CustomerGroups {

    /** Merges chain rarely; the bound only stops a corrupt cycle. */
    private static final int MAX_DEPTH = 16;

    private final ProjectionCopies copies;

    public CustomerGroups(ProjectionCopies copies) {
        this.copies = copies;
    }

    /** The group a customer id belongs to now: the survivor of its merges and everyone merged into it. */
    public CustomerGroup of(String customerId) {
        return of(copies.active(), customerId);
    }

    public static CustomerGroup of(ProjectionCopy copy, String customerId) {
        Map<String, CustomerNode> nodes = new java.util.LinkedHashMap<>();
        String root = customerId;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            CustomerNode node = copy.customers().get(root);
            nodes.put(root, node);
            Optional<String> survivor = node.activeSurvivor();
            if (survivor.isEmpty() || nodes.containsKey(survivor.get())) {
                break;
            }
            root = survivor.get();
        }
        Set<String> members = new LinkedHashSet<>(List.of(root));
        List<String> frontier = nodes.get(root).activelyAbsorbed();
        for (int depth = 0; depth < MAX_DEPTH && !frontier.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            Map<String, CustomerNode> found = copy.customers().find(frontier);
            for (String id : frontier) {
                if (members.add(id)) {
                    CustomerNode node = found.getOrDefault(id, CustomerNode.unknown(id));
                    nodes.put(id, node);
                    next.addAll(node.activelyAbsorbed());
                }
            }
            frontier = next;
        }
        // A merged customer whose survivor has not recorded the merge yet still belongs to the survivor's group.
        members.addAll(nodes.keySet());
        Map<String, CustomerHistory> histories = new HashMap<>(copy.histories().find(members));
        members.forEach(id -> histories.putIfAbsent(id, CustomerHistory.empty(id)));
        nodes.keySet().retainAll(members);
        return new CustomerGroup(copy, customerId, root, List.copyOf(members), nodes, histories);
    }

    /** The customer an identity key ({@code channel:address}, normalized) leads to, if any. */
    public Optional<String> ownerOf(String identityKey) {
        return ownerOf(copies.active(), identityKey);
    }

    public static Optional<String> ownerOf(ProjectionCopy copy, String identityKey) {
        Map<String, IdentityOwners> found = copy.identities().find(List.of(identityKey));
        return Optional.ofNullable(found.get(identityKey)).flatMap(IdentityOwners::latest)
                .map(IdentityOwners.Owner::customerId);
    }
}
