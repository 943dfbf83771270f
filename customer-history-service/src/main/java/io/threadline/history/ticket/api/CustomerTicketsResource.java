package io.threadline.history.ticket.api;

import io.threadline.history.customer.store.CustomerGroup;
import io.threadline.history.customer.store.CustomerGroups;
import io.threadline.history.security.Roles;
import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

@Path("/api/v1/customers/{customerId}/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class CustomerTicketsResource {

    private final CustomerGroups groups;

    public CustomerTicketsResource(CustomerGroups groups) {
        this.groups = groups;
    }

    @GET
    @Operation(summary = "List a customer's tickets with status and last activity, oldest first")
    @APIResponse(responseCode = "200", description = "The customer's tickets (possibly none)",
            content = @Content(schema = @Schema(implementation = CustomerTickets.class)))
    @APIResponse(responseCode = "404", description = "The history has no trace of this customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerTickets list(@PathParam("customerId") @Parameter(example = "c-7f3a") String customerId) {
        CustomerGroup group = groups.of(customerId);
        if (!group.known()) {
            throw ProblemException.notFound("No customer " + customerId);
        }
        List<CustomerTickets.Ticket> tickets = group.members().stream()
                .flatMap(member -> group.histories().get(member).tickets().stream()
                        .map(t -> new CustomerTickets.Ticket(t.ticketId(), t.ticketNumber(), member, t.channel(),
                                t.subject(), t.status(), t.priority(), t.assignee(), t.group(), t.tags(),
                                t.mergedIntoTicketNumber(), t.followUpOfTicketNumber(), t.openedAt(),
                                t.lastActivityAt())))
                .sorted(Comparator.comparing((CustomerTickets.Ticket t) ->
                        t.openedAt() == null ? Instant.MAX : t.openedAt()).thenComparing(CustomerTickets.Ticket::ticketId))
                .toList();
        return new CustomerTickets(tickets);
    }
}
