package io.threadline.history.customer.api;

import io.threadline.history.customer.Customer;
import io.threadline.history.customer.store.CustomerGroup;
import io.threadline.history.customer.store.CustomerGroups;
import io.threadline.history.customer.store.CustomerViews;
import io.threadline.history.security.Roles;
import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
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
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CustomerResource {

    private final CustomerGroups groups;

    public CustomerResource(CustomerGroups groups) {
        this.groups = groups;
    }

    @GET
    @Path("/lookup")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "Find the customer behind a channel address",
            description = "Email addresses match case-insensitively. Encode '+' in phone numbers as %2B. After a "
                    + "merge, every identity of the merged customers leads to the survivor.")
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
        return groups.ownerOf(key).map(groups::of).map(CustomerViews::of)
                .orElseThrow(() -> ProblemException.notFound("No customer has the identity " + key));
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Get a customer and their identities",
            description = "A merged customer answers as the survivor it was merged into.")
    @APIResponse(responseCode = "200", description = "The customer",
            content = @Content(schema = @Schema(implementation = Customer.class)))
    @APIResponse(responseCode = "404", description = "Unknown customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Customer get(@PathParam("customerId") @Parameter(example = "c-7f3a") String customerId) {
        CustomerGroup group = groups.of(customerId);
        if (!group.rootNode().registered()) {
            throw ProblemException.notFound("No customer " + customerId);
        }
        return CustomerViews.of(group);
    }
}
