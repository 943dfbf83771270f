package io.threadline.ticket.ticket.api.rest;

import io.threadline.servicekit.problem.ProblemException;
import io.threadline.ticket.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/tickets/{ticketId}/events")
@Tag(name = "Tickets")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class TicketEventsResource {

    /** One stored event of a ticket, as recorded. */
    public record StoredEvent(long sequence, String type, Instant occurredAt, Object payload) {
    }

    public record TicketEvents(String ticketId, List<StoredEvent> events) {
    }

    private final EventStore eventStore;

    public TicketEventsResource(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The ticket's full event history, oldest first")
    public TicketEvents events(@PathParam("ticketId") String ticketId) {
        List<StoredEvent> events = new ArrayList<>();
        // From sequence 0: the plain readEvents(id) would start at the latest snapshot.
        var stream = eventStore.readEvents(ticketId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            events.add(new StoredEvent(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                    event.getTimestamp(), event.getPayload()));
        }
        if (events.isEmpty()) {
            throw ProblemException.notFound("No ticket " + ticketId);
        }
        return new TicketEvents(ticketId, events);
    }
}
