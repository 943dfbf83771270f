package io.threadline.history.projection;

import io.threadline.contracts.events.AggregateType;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.history.ticket.TicketChanges;
import io.threadline.history.ticket.TicketState;
import io.threadline.history.timeline.TimelineEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies ticket events to a {@link CustomerHistory}. Pure: no I/O, no clock. */
public final class HistoryChanges {

    private HistoryChanges() {
    }

    /** The history after the event, and the key reserved for its entry (null when it adds none). */
    public record Applied(CustomerHistory history, String entryKey) {
    }

    /**
     * Updates the event's ticket and, when {@code entry} is given, reserves the next key of the entry's day. The
     * caller passes no entry for an event whose entry is stored already, so a redelivery reserves nothing.
     */
    public static Applied apply(CustomerHistory history, IntegrationEvent event, Object payload, TimelineEntry entry) {
        List<TicketState> tickets = history.tickets();
        if (AggregateType.TICKET.equals(event.aggregateType())) {
            TicketState before = history.ticket(event.aggregateId()).orElse(TicketState.unknown(event.aggregateId()));
            TicketState after = TicketChanges.apply(before, event, payload);
            if (history.erased()) {
                after = TicketChanges.erase(after);
            }
            tickets = replace(tickets, after);
        }
        List<CustomerHistory.DayCount> days = history.days();
        String key = null;
        if (entry != null) {
            long day = EntryKeys.dayOf(entry.occurredAt());
            int n = days.stream().filter(d -> d.day() == day).mapToInt(CustomerHistory.DayCount::count).findFirst()
                    .orElse(0);
            key = EntryKeys.key(history.customerId(), day, n);
            List<CustomerHistory.DayCount> counted = new ArrayList<>(days.stream().filter(d -> d.day() != day).toList());
            counted.add(new CustomerHistory.DayCount(day, n + 1));
            counted.sort(Comparator.comparingLong(CustomerHistory.DayCount::day));
            days = counted;
        }
        return new Applied(new CustomerHistory(history.customerId(), history.erased(), days, tickets), key);
    }

    /** Marks the customer erased and drops the personal data of the head (ticket subjects). */
    public static CustomerHistory erase(CustomerHistory history) {
        return new CustomerHistory(history.customerId(), true, history.days(),
                history.tickets().stream().map(TicketChanges::erase).toList());
    }

    private static List<TicketState> replace(List<TicketState> tickets, TicketState ticket) {
        List<TicketState> replaced = new ArrayList<>(tickets.stream()
                .filter(t -> !t.ticketId().equals(ticket.ticketId())).toList());
        replaced.add(ticket);
        replaced.sort(Comparator.comparing(TicketState::ticketId));
        return replaced;
    }
}
