package io.threadline.ticket.customer.api.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.threadline.contracts.inbound.Channel;
import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import io.threadline.ticket.customer.directory.CustomerDirectory;
import io.threadline.ticket.customer.query.CustomerDetail;
import io.threadline.ticket.customer.query.CustomerHistory;
import io.threadline.ticket.customer.work.CustomerActions;
import io.threadline.ticket.http.Etags;
import io.threadline.ticket.privacy.CustomerErasure;
import io.threadline.ticket.privacy.CustomerExport;
import io.threadline.ticket.security.Caller;
import io.threadline.ticket.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/**
 * Customers: lookup, detail, identities, profile, merge and unmerge, export and erasure (the write side; timelines
 * are customer-history-service's).
 */
@Path("/api/v1/customers")
@Tag(name = "Customers")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid request; the field is named",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class CustomerResource {

    private final CustomerHistory history;
    private final CustomerDirectory directory;
    private final CustomerActions actions;
    private final CustomerExport export;
    private final CustomerErasure erasure;
    private final SecurityIdentity identity;

    public CustomerResource(CustomerHistory history, CustomerDirectory directory, CustomerActions actions,
                            CustomerExport export, CustomerErasure erasure, SecurityIdentity identity) {
        this.history = history;
        this.directory = directory;
        this.actions = actions;
        this.export = export;
        this.erasure = erasure;
        this.identity = identity;
    }

    @GET
    @Path("/lookup")
    @Operation(summary = "The customer an identity belongs to, e.g. identity=email:alice@example.com",
            description = "Follows merges: an identity of a merged customer finds the survivor.")
    public Response lookup(@Parameter(example = "email:alice@example.com") @QueryParam("identity") String identityKey) {
        String key = normalizedIdentity(identityKey);
        String customerId = directory.customerOf(key)
                .orElseThrow(() -> ProblemException.notFound("No customer has the identity " + key));
        return detail(directory.survivorOf(customerId).orElse(customerId));
    }

    @GET
    @Path("/{customerId}")
    @Operation(summary = "A customer: identities (verified or not, with the evidence), profile, merges")
    public Response detail(@PathParam("customerId") String customerId) {
        CustomerDetail customer = history.load(customerId)
                .orElseThrow(() -> ProblemException.notFound("No customer " + customerId));
        return Response.ok(customer).header(HttpHeaders.ETAG, Etags.of(customer.version())).build();
    }

    @POST
    @Path("/{customerId}/identities")
    @Operation(summary = "Link an identity to the customer")
    @APIResponse(responseCode = "200", description = "Linked (linking it again changes nothing)")
    @APIResponse(responseCode = "409", description = "The identity belongs to another customer: merge them instead",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response link(@PathParam("customerId") String customerId, @HeaderParam(Etags.IF_MATCH) String ifMatch,
                         @Valid @NotNull CustomerRequests.Identity request) {
        requireCustomer(customerId);
        long version = actions.link(customerId, caller(), request.channel(), request.address(), request.verified(),
                request.evidence(), Etags.expectedVersion(ifMatch));
        return changed(customerId, version);
    }

    @DELETE
    @Path("/{customerId}/identities")
    @Operation(summary = "Unlink an identity (not the customer's last one)")
    public Response unlink(@PathParam("customerId") String customerId, @HeaderParam(Etags.IF_MATCH) String ifMatch,
                           @Parameter(example = "sms:+15550100") @QueryParam("identity") String identityKey) {
        String key = normalizedIdentity(identityKey);
        return changed(customerId, actions.unlink(customerId, caller(), key, Etags.expectedVersion(ifMatch)));
    }

    @PUT
    @Path("/{customerId}/profile")
    @Operation(summary = "Replace the customer's profile: name, language, time zone, custom attributes")
    public Response updateProfile(@PathParam("customerId") String customerId,
                                  @HeaderParam(Etags.IF_MATCH) String ifMatch,
                                  @Valid @NotNull CustomerRequests.Profile request) {
        requireCustomer(customerId);
        return changed(customerId, actions.updateProfile(customerId, caller(), request.name(), request.language(),
                request.timeZone(), request.attributes(), Etags.expectedVersion(ifMatch)));
    }

    @POST
    @Path("/{customerId}/merges")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Merge another customer into this one (supervisors)",
            description = "Its identities move here; its tickets and history stay its own and read models show them "
                    + "with this customer's. Undo with the answered mergeId.")
    @APIResponse(responseCode = "201", description = "{\"mergeId\": \"…\"}")
    public Response merge(@PathParam("customerId") String customerId, @Valid @NotNull CustomerRequests.Merge request) {
        requireCustomer(customerId);
        requireCustomer(request.mergedCustomerId());
        String mergeId = actions.merge(customerId, request.mergedCustomerId(), caller());
        return Response.status(Response.Status.CREATED).entity(Map.of("mergeId", mergeId)).build();
    }

    @DELETE
    @Path("/{customerId}/merges/{mergeId}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Undo a merge (supervisors): the merged customer stands alone again with its identities")
    @APIResponse(responseCode = "204", description = "Undone")
    public Response unmerge(@PathParam("customerId") String customerId, @PathParam("mergeId") String mergeId) {
        requireCustomer(customerId);
        actions.unmerge(customerId, mergeId, caller());
        return Response.noContent().build();
    }

    @GET
    @Path("/{customerId}/export")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything held about the customer (right of access; admin)",
            description = "The customer, the customers merged into it, and all their tickets with conversations, "
                    + "internal notes and survey answers.")
    public CustomerExport.Export export(@PathParam("customerId") String customerId) {
        return export.export(customerId);
    }

    @POST
    @Path("/{customerId}/erasure")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase the customer's personal data (right to erasure; admin)",
            description = "Destroys the customer's key, so names, addresses, texts and attachment locations in the "
                    + "stored events read as absent in every API and replay; publishes CustomerErased so read models "
                    + "delete theirs. Counts and timings stay. Customers merged into this one are erased too. "
                    + "Repeating the call is harmless.")
    @APIResponse(responseCode = "200", description = "{\"customerIds\": [...], \"tickets\": 3}")
    @APIResponse(responseCode = "409", description = "The customer was merged into another: erase that one",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CustomerErasure.Erased erase(@PathParam("customerId") String customerId) {
        return erasure.erase(customerId, caller().name());
    }

    /** The {@code identity} parameter ({@code channel:address}) as the directory keys it. */
    private static String normalizedIdentity(String identityKey) {
        if (identityKey == null || identityKey.indexOf(':') <= 0 || identityKey.endsWith(":")) {
            throw ProblemException.invalidField("identity", "must be channel:address, e.g. email:alice@example.com");
        }
        int colon = identityKey.indexOf(':');
        return Channel.identityKey(identityKey.substring(0, colon), identityKey.substring(colon + 1));
    }

    private void requireCustomer(String customerId) {
        if (history.load(customerId).isEmpty()) {
            throw ProblemException.notFound("No customer " + customerId);
        }
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    private static Response changed(String customerId, long version) {
        return Response.ok(Map.of("customerId", customerId, "version", version))
                .header(HttpHeaders.ETAG, Etags.of(version)).build();
    }
}
