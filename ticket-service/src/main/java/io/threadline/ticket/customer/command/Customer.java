package io.threadline.ticket.customer.command;

import io.threadline.ticket.customer.api.CustomerRegisteredEvent;
import io.threadline.ticket.customer.api.RegisterCustomerCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.LinkedHashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One person across channels: the identities that reach them. */
public class Customer {

    @AggregateIdentifier
    private String customerId;
    private final Set<String> identities = new LinkedHashSet<>();

    protected Customer() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Customer(RegisterCustomerCommand command) {
        apply(new CustomerRegisteredEvent(command.customerId(), command.channel(), command.address(),
                command.displayName()));
    }

    @EventSourcingHandler
    void on(CustomerRegisteredEvent event) {
        customerId = event.customerId();
        identities.add(event.channel() + ":" + event.address());
    }

    Set<String> identities() {
        return Set.copyOf(identities);
    }
}
