package io.threadline.history.projection;

import io.threadline.history.ticket.TicketState;

import java.util.List;
import java.util.Optional;

/**
 * The per-customer head of the history: whether the customer was erased, how many timeline entries each day
 * holds (so a page reads exact entry ids, see {@link EntryKeys}), and the customer's tickets.
 *
 * @param days   one count per UTC day with entries, ascending; a count may include ids whose insert never landed
 * @param tickets sorted by ticket id
 */
public record CustomerHistory(String customerId, boolean erased, List<DayCount> days, List<TicketState> tickets) {

    public CustomerHistory {
        days = List.copyOf(days);
        tickets = List.copyOf(tickets);
    }

    /** Entries of one customer on one UTC day (epoch day), numbered 0 to count − 1. */
    public record DayCount(long day, int count) {
    }

    public static CustomerHistory empty(String customerId) {
        return new CustomerHistory(customerId, false, List.of(), List.of());
    }

    public Optional<TicketState> ticket(String ticketId) {
        return tickets.stream().filter(t -> t.ticketId().equals(ticketId)).findFirst();
    }
}
