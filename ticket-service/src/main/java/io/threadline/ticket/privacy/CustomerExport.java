package io.threadline.ticket.privacy;

import io.threadline.servicekit.problem.ProblemException;
import io.threadline.ticket.customer.api.MergeRecord;
import io.threadline.ticket.customer.query.CustomerDetail;
import io.threadline.ticket.customer.query.CustomerHistory;
import io.threadline.ticket.ticket.query.TicketCursor;
import io.threadline.ticket.ticket.query.TicketDetail;
import io.threadline.ticket.ticket.query.TicketFilter;
import io.threadline.ticket.ticket.query.TicketHistory;
import io.threadline.ticket.ticket.query.TicketList;
import io.threadline.ticket.ticket.query.TicketPage;
import io.threadline.ticket.ticket.query.TicketSort;
import io.threadline.ticket.ticket.query.TicketSummary;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything ticket-service holds about a customer (right of access): the customer with the customers merged into
 * it, and every ticket of theirs with its whole conversation, notes and survey answers.
 */
@ApplicationScoped
public class CustomerExport {

    /** The export document. */
    public record Export(Instant exportedAt, CustomerDetail customer, List<CustomerDetail> mergedCustomers,
                         List<TicketDetail> tickets) {
    }

    private static final int PAGE = 100;

    private final CustomerHistory customers;
    private final TicketList ticketList;
    private final TicketHistory tickets;

    public CustomerExport(CustomerHistory customers, TicketList ticketList, TicketHistory tickets) {
        this.customers = customers;
        this.ticketList = ticketList;
        this.tickets = tickets;
    }

    public Export export(String customerId) {
        CustomerDetail customer = customers.load(customerId)
                .orElseThrow(() -> ProblemException.notFound("No customer " + customerId));
        List<CustomerDetail> merged = customer.merges().stream().map(MergeRecord::mergedCustomerId)
                .flatMap(id -> customers.load(id).stream()).toList();
        List<TicketDetail> held = new ArrayList<>(ticketsOf(customerId));
        merged.forEach(m -> held.addAll(ticketsOf(m.customerId())));
        return new Export(Instant.now(), customer, merged, held);
    }

    private List<TicketDetail> ticketsOf(String customerId) {
        TicketFilter filter = new TicketFilter(null, null, null, null, null, null, customerId, null);
        List<TicketDetail> found = new ArrayList<>();
        TicketCursor after = null;
        do {
            TicketPage page = ticketList.find(filter, TicketSort.CREATED_OLDEST, PAGE, after);
            for (TicketSummary row : page.items()) {
                tickets.load(row.id()).ifPresent(found::add);
            }
            after = page.nextCursor() == null ? null : TicketCursor.decode(page.nextCursor()).orElseThrow();
        } while (after != null);
        return found;
    }
}
