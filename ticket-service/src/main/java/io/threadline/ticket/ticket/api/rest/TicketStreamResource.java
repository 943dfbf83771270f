package io.threadline.ticket.ticket.api.rest;

import io.smallrye.mutiny.Multi;
import io.threadline.ticket.security.Roles;
import io.threadline.ticket.ticket.live.TicketChange;
import io.threadline.ticket.ticket.live.TicketChanges;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** A live stream of ticket changes for agent screens (Server-Sent Events). */
@Path("/api/v1/tickets/changes")
@Tag(name = "Tickets")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class TicketStreamResource {

    private final TicketChanges changes;

    public TicketStreamResource(TicketChanges changes) {
        this.changes = changes;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ticket changes as they happen (Server-Sent Events)",
            description = "One event per stored change: ticketId, ticketNumber, customerId, the integration event "
                    + "type, the ticket's version afterwards and when. Filter by ticket or customer; read the ticket's "
                    + "detail for the change itself. Changes from before the connection are not repeated.")
    public Multi<TicketChange> changes(
            @Parameter(description = "Only this ticket's changes") @QueryParam("ticketId") String ticketId,
            @Parameter(description = "Only this customer's tickets") @QueryParam("customerId") String customerId) {
        return changes.stream()
                .filter(change -> ticketId == null || ticketId.equals(change.ticketId()))
                .filter(change -> customerId == null || customerId.equals(change.customerId()));
    }
}
