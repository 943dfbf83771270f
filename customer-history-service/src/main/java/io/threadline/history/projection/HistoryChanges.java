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

    /**
     * Sequences of one ticket on one day this close together share a span: the events between them (delivery
     * updates, say) cost a page a missed look-up each, far less than a span of its own per entry would.
     */
    static final long SPAN_GAP = 8;

    private static final Comparator<CustomerHistory.TicketDay> SPAN_ORDER =
            Comparator.comparingLong(CustomerHistory.TicketDay::day).thenComparing(CustomerHistory.TicketDay::ticketId)
                    .thenComparingLong(CustomerHistory.TicketDay::fromSeq);

    /**
     * Updates the event's ticket and, when {@code entry} is given, records the event in the span of its day and
     * ticket (the entry's key, {@link #entryKey}, is made by whoever stores the entry). The result is the same however
     * often and in whatever order events come: spans are the groups of sequences at most {@link #SPAN_GAP} apart.
     */
    public static CustomerHistory apply(CustomerHistory history, IntegrationEvent event, Object payload,
                                        TimelineEntry entry) {
        List<TicketState> tickets = history.tickets();
        if (AggregateType.TICKET.equals(event.aggregateType())) {
            TicketState before = history.ticket(event.aggregateId()).orElse(TicketState.unknown(event.aggregateId()));
            TicketState after = TicketChanges.apply(before, event, payload);
            if (history.erased()) {
                after = TicketChanges.erase(after);
            }
            tickets = replace(tickets, after);
        }
        List<CustomerHistory.TicketDay> days = history.days();
        if (entry != null) {
            long day = EntryKeys.dayOf(entry.occurredAt());
            days = withSequence(days, day, event.aggregateId(), event.aggregateSequence());
        }
        return new CustomerHistory(history.customerId(), history.erased(), days, tickets);
    }

    /** The key of the entry this (ticket) event makes: its day, customer, ticket and sequence. */
    public static String entryKey(IntegrationEvent event, TimelineEntry entry) {
        return EntryKeys.key(event.customerId(), EntryKeys.dayOf(entry.occurredAt()), event.aggregateId(),
                event.aggregateSequence());
    }

    /** The spans with {@code seq} added: it joins (and so may bridge) every span of its day and ticket near it. */
    private static List<CustomerHistory.TicketDay> withSequence(List<CustomerHistory.TicketDay> days, long day,
                                                                String ticketId, long seq) {
        long from = seq;
        long to = seq;
        List<CustomerHistory.TicketDay> result = new ArrayList<>(days.size() + 1);
        for (CustomerHistory.TicketDay span : days) {
            boolean near = span.day() == day && span.ticketId().equals(ticketId)
                    && seq >= span.fromSeq() - SPAN_GAP && seq <= span.toSeq() + SPAN_GAP;
            if (near) {
                from = Math.min(from, span.fromSeq());
                to = Math.max(to, span.toSeq());
            } else {
                result.add(span);
            }
        }
        result.add(new CustomerHistory.TicketDay(day, ticketId, from, to));
        result.sort(SPAN_ORDER);
        return result;
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
