package io.threadline.gateway.chat.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** customer-history-service's customer-facing reads ({@code quarkus.rest-client.customer-history.url}). */
@RegisterRestClient(configKey = "customer-history")
@Path("/api/v1/customers")
public interface CustomerHistoryClient {

    /** The customer owning {@code channel:address}; 404 when none does. */
    @GET
    @Path("/lookup")
    Uni<JsonNode> lookup(@QueryParam("identity") String identity, @HeaderParam("Authorization") String authorization);

    /**
     * One page of the conversation the customer saw, oldest first within the page; {@code start=newest} (no cursor)
     * gives the page ending at the newest message, and {@code previousCursor} leads to older ones.
     */
    @GET
    @Path("/{customerId}/conversation")
    Uni<JsonNode> conversation(@PathParam("customerId") String customerId, @QueryParam("limit") int limit,
                               @QueryParam("cursor") String cursor, @QueryParam("start") String start,
                               @HeaderParam("Authorization") String authorization);
}
