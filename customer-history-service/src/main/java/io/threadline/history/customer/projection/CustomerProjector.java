package io.threadline.history.customer.projection;

import io.threadline.contracts.events.CustomerRegistered;
import io.threadline.contracts.events.Identity;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.history.customer.CustomerIdentity;
import io.threadline.history.customer.store.CustomerStore;
import jakarta.enterprise.context.ApplicationScoped;

/** Projects Customer aggregate events into the customers and identities collections. */
@ApplicationScoped
public class CustomerProjector {

    private final CustomerStore customers;

    public CustomerProjector(CustomerStore customers) {
        this.customers = customers;
    }

    public void on(IntegrationEvent event, CustomerRegistered registered) {
        String customerId = registered.customerId() != null ? registered.customerId() : event.customerId();
        Identity identity = registered.identity();
        if (isBlank(customerId) || identity == null || isBlank(identity.channel()) || isBlank(identity.address())) {
            throw new IllegalArgumentException("CustomerRegistered " + event.eventId()
                    + " lacks a customerId or a complete identity");
        }
        customers.register(customerId, registered.displayName(),
                new CustomerIdentity(identity.channel(), identity.address(), identity.verified()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
