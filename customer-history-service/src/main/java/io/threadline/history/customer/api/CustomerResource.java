package io.threadline.history.customer.api;

import io.threadline.history.customer.Customer;
import io.threadline.history.customer.store.CustomerStore;
import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Customers and their identities across channels")
public class CustomerResource {

    private final CustomerStore customers;

    public CustomerResource(CustomerStore customers) {
        this.customers = customers;
    }

    @GET
    @Path("/lookup")
    @Operation(summary = "Find the customer behind a channel address",
            description = "Email addresses match case-insensitively. Encode '+' in phone numbers as %2B.")
    @APIResponse(responseCode = "200", description = "The customer owning this identity",
            content = @Content(schema = @Schema(implementation = Customer.class)))
    @APIResponse(responseCode = "400", description = "identity missing or not channel:address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No customer has this identity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Customer lookup(@QueryParam(IdentityParameter.NAME)
                           @Parameter(description = "channel:address", example = "email:alice@example.com")
                           String identity) {
        String key = IdentityParameter.toIdentityKey(identity);
        return customers.customerIdOf(key).flatMap(customers::findById)
                .orElseThrow(() -> ProblemException.notFound("No customer has the identity " + key));
    }

    @GET
    @Path("/{customerId}")
    @Operation(summary = "Get a customer and their identities")
    @APIResponse(responseCode = "200", description = "The customer",
            content = @Content(schema = @Schema(implementation = Customer.class)))
    @APIResponse(responseCode = "404", description = "Unknown customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Customer get(@PathParam("customerId") @Parameter(example = "c-7f3a") String customerId) {
        return customers.findById(customerId)
                .orElseThrow(() -> ProblemException.notFound("No customer " + customerId));
    }
}
