package io.threadline.history.customer.store;

import io.threadline.history.customer.graph.CustomerNode;
import io.threadline.history.projection.CustomerHistory;
import io.threadline.history.projection.ProjectionCopy;

import java.util.List;
import java.util.Map;

/**
 * A customer as the history shows them right now: the survivor ({@code root}) of any merges, with every customer
 * merged into it, in the copy that was read. Derived from the events each time: nothing is rewritten on a merge,
 * and an unmerge splits the group again.
 *
 * @param members the root first, then the merged customers
 */
public record CustomerGroup(ProjectionCopy copy, String requested, String root, List<String> members,
                            Map<String, CustomerNode> nodes, Map<String, CustomerHistory> histories) {

    public CustomerNode rootNode() {
        return nodes.getOrDefault(root, CustomerNode.unknown(root));
    }

    /** Whether the history holds any trace of the group: a registration, a ticket or an entry. */
    public boolean known() {
        return nodes.values().stream().anyMatch(CustomerNode::registered)
                || histories.values().stream().anyMatch(h -> !h.days().isEmpty() || !h.tickets().isEmpty());
    }

    public boolean erased(String customerId) {
        CustomerHistory history = histories.get(customerId);
        CustomerNode node = nodes.get(customerId);
        return (history != null && history.erased()) || (node != null && node.erased());
    }
}
