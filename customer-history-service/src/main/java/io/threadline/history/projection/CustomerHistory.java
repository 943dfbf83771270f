package io.threadline.history.projection;

import io.threadline.history.ticket.TicketState;

import java.util.List;
import java.util.Optional;

/**
 * The per-customer head of the history: whether the customer was erased, which ticket events made the timeline
 * entries of each UTC day (so a page reads exact entry ids, see {@link EntryKeys}), and the customer's tickets.
 *
 * @param days    the ticket spans with entries, sorted by day, ticket and first sequence
 * @param tickets sorted by ticket id
 */
public record CustomerHistory(String customerId, boolean erased, List<TicketDay> days, List<TicketState> tickets) {

    public CustomerHistory {
        days = List.copyOf(days);
        tickets = List.copyOf(tickets);
    }

    /**
     * Events {@code fromSeq} to {@code toSeq} of one ticket made entries on one UTC day (epoch day). A span may
     * include sequences that made no entry on that day (a delivery update, or an entry of another day): their
     * ids are simply not found, which costs a page a few index look-ups and nothing else.
     */
    public record TicketDay(long day, String ticketId, long fromSeq, long toSeq) {

        public int size() {
            return (int) (toSeq - fromSeq + 1);
        }
    }

    public static CustomerHistory empty(String customerId) {
        return new CustomerHistory(customerId, false, List.of(), List.of());
    }

    public Optional<TicketState> ticket(String ticketId) {
        return tickets.stream().filter(t -> t.ticketId().equals(ticketId)).findFirst();
    }
}
