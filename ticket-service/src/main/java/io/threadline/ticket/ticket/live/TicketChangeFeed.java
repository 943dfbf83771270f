package io.threadline.ticket.ticket.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.events.IntegrationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds {@link TicketChanges} on every replica from {@code ticket.events}: whichever replica relays, each one's
 * listening agent screens hear every change. Each replica reads in a consumer group of its own, from the end of the
 * topic and without committing, so the group goes away with the replica (see application.properties).
 */
@ApplicationScoped
public class TicketChangeFeed {

    private final TicketChanges changes;
    private final ObjectMapper json;

    public TicketChangeFeed(TicketChanges changes, ObjectMapper json) {
        this.changes = changes;
        this.json = json;
    }

    @Incoming("ticket-changes")
    public void published(String event) throws JsonProcessingException {
        changes.published(json.readValue(event, IntegrationEvent.class));
    }
}
