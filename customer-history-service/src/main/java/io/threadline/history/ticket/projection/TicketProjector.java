package io.threadline.history.ticket.projection;

import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.history.ticket.TicketSummary;
import io.threadline.history.ticket.store.TicketStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.temporal.ChronoUnit;

/** Projects Ticket aggregate events into the tickets collection. */
@ApplicationScoped
public class TicketProjector {

    private final TicketStore tickets;

    public TicketProjector(TicketStore tickets) {
        this.tickets = tickets;
    }

    public void on(IntegrationEvent event, TicketOpened opened) {
        String ticketId = opened.ticketId() != null ? opened.ticketId() : event.aggregateId();
        String customerId = opened.customerId() != null ? opened.customerId() : event.customerId();
        if (ticketId == null || customerId == null || event.occurredAt() == null) {
            throw new IllegalArgumentException("TicketOpened " + event.eventId()
                    + " lacks a ticketId, a customerId or occurredAt");
        }
        // BSON dates hold milliseconds: truncate now so what is stored and what is compared agree.
        tickets.open(customerId, new TicketSummary(ticketId, opened.ticketNumber(), opened.channel(),
                opened.subject(), event.occurredAt().truncatedTo(ChronoUnit.MILLIS)));
    }
}
