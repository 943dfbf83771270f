package io.threadline.history.ticket.api;

import io.threadline.history.customer.KnownCustomers;
import io.threadline.history.ticket.store.TicketStore;
import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
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

@Path("/api/v1/customers/{customerId}/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerTicketsResource {

    private final TicketStore tickets;
    private final KnownCustomers knownCustomers;

    public CustomerTicketsResource(TicketStore tickets, KnownCustomers knownCustomers) {
        this.tickets = tickets;
        this.knownCustomers = knownCustomers;
    }

    @GET
    @Operation(summary = "List a customer's tickets, oldest first")
    @APIResponse(responseCode = "200", description = "The customer's tickets (possibly none)",
            content = @Content(schema = @Schema(implementation = CustomerTickets.class)))
    @APIResponse(responseCode = "404", description = "The history has no trace of this customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerTickets list(@PathParam("customerId") @Parameter(example = "c-7f3a") String customerId) {
        var found = tickets.ofCustomer(customerId);
        if (found.isEmpty() && !knownCustomers.isKnown(customerId)) {
            throw ProblemException.notFound("No customer " + customerId);
        }
        return new CustomerTickets(found);
    }
}
