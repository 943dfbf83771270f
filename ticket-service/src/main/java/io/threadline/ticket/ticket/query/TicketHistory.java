package io.threadline.ticket.ticket.query;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.Optional;

/**
 * A ticket's detail read from its own events in the event store, so it is always current (the list read model
 * may lag) and its version is exactly the one If-Match is checked against.
 */
@ApplicationScoped
public class TicketHistory {

    private final EventStore eventStore;

    public TicketHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<TicketDetail> load(String ticketId) {
        return load(ticketId, null);
    }

    /**
     * The ticket as it was at {@code asOf} (its events up to that instant), or as it is now if null; empty if it
     * did not exist yet.
     */
    public Optional<TicketDetail> load(String ticketId, Instant asOf) {
        TicketDetailFold fold = new TicketDetailFold();
        // From sequence 0: the plain readEvents(id) would start at the latest snapshot.
        DomainEventStream events = eventStore.readEvents(ticketId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (asOf != null && event.getTimestamp().isAfter(asOf)) {
                break;
            }
            fold.add(event);
        }
        return fold.result();
    }
}
