package io.threadline.history.customer.store;

import io.threadline.history.customer.Customer;
import io.threadline.history.customer.CustomerIdentity;
import io.threadline.history.customer.graph.CustomerNode;
import io.threadline.history.customer.graph.IdentityClaim;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The API's view of a customer group. */
public final class CustomerViews {

    private CustomerViews() {
    }

    public static Customer of(CustomerGroup group) {
        CustomerNode root = group.rootNode();
        List<CustomerIdentity> identities = group.members().stream()
                .map(group.nodes()::get).filter(Objects::nonNull)
                .flatMap(n -> n.linkedIdentities().stream())
                .sorted(Comparator.comparing(IdentityClaim::key))
                .map(c -> new CustomerIdentity(c.channel(), c.address(), c.verified()))
                .distinct().toList();
        Customer.Profile profile = root.profile() == null ? null : new Customer.Profile(root.profile().name(),
                root.profile().language(), root.profile().timeZone(), root.profile().attributes());
        return new Customer(root.customerId(), root.displayName(), profile, identities,
                group.members().stream().filter(id -> !id.equals(group.root())).sorted().toList(), root.erased());
    }
}
