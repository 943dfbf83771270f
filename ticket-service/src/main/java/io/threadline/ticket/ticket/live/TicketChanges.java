package io.threadline.ticket.ticket.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.threadline.contracts.events.AggregateType;
import io.threadline.contracts.events.IntegrationEvent;
import jakarta.inject.Singleton;

/**
 * Broadcasts every ticket event published on {@code ticket.events} to the agent screens listening on this replica
 * ({@link TicketChangeFeed}). Screens that listen get the changes from then on; what happened before they connected
 * they read from the API.
 */
@Singleton
public class TicketChanges {

    private final BroadcastProcessor<TicketChange> changes = BroadcastProcessor.create();

    /** Called for each integration event read from {@code ticket.events}. */
    public void published(IntegrationEvent event) {
        if (AggregateType.TICKET.equals(event.aggregateType())) {
            changes.onNext(new TicketChange(event.aggregateId(), event.payload().path("ticketNumber").asText(null),
                    event.customerId(), event.type(), event.aggregateSequence(), event.occurredAt()));
        }
    }

    public Multi<TicketChange> stream() {
        return changes;
    }
}
