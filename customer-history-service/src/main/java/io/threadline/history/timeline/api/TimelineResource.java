package io.threadline.history.timeline.api;

import io.threadline.servicekit.problem.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{customerId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline", description = "Every interaction of a customer, across channels and tickets")
public class TimelineResource {

    private final TimelineQueries queries;

    public TimelineResource(TimelineQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Read a customer's timeline, oldest first",
            description = "Ordered by occurredAt, then entryId. Follow nextCursor until it is null.")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(schema = @Schema(implementation = TimelinePage.class)))
    @APIResponse(responseCode = "400", description = "limit outside 1..max, or a cursor this API did not issue",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The history has no trace of this customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TimelinePage timeline(
            @PathParam("customerId") @Parameter(example = "c-7f3a") String customerId,
            @QueryParam("limit") @Parameter(description = "Entries per page, 1 to 200 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER,
                            minimum = "1", maximum = "200"), example = "50") String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return queries.page(customerId, limit, cursor);
    }
}
