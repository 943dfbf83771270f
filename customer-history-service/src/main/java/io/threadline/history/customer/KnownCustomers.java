package io.threadline.history.customer;

import io.threadline.history.customer.store.CustomerStore;
import io.threadline.history.ticket.store.TicketStore;
import io.threadline.history.timeline.store.TimelineStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the history has any trace of a customer. The two topics are consumed independently, so a ticket or a
 * message may be projected before the customer's registration: any of them makes the customer known.
 */
@ApplicationScoped
public class KnownCustomers {

    private final CustomerStore customers;
    private final TicketStore tickets;
    private final TimelineStore timeline;

    public KnownCustomers(CustomerStore customers, TicketStore tickets, TimelineStore timeline) {
        this.customers = customers;
        this.tickets = tickets;
        this.timeline = timeline;
    }

    public boolean isKnown(String customerId) {
        return customers.exists(customerId) || timeline.hasEntries(customerId) || tickets.hasTickets(customerId);
    }
}
