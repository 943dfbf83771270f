package io.threadline.ticket.replay;

import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import io.threadline.ticket.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The replay source of read models (customer-history-service, analytics-service): every stored event as the
 * integration event published on Kafka, oldest first. Admin only: it holds every customer's data.
 */
@Path("/api/v1/replay/events")
@Tag(name = "Replay")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    static final int MAX_LIMIT = 5_000;

    private final ReplaySource source;

    public ReplayResource(ReplaySource source) {
        this.source = source;
    }

    @GET
    @Operation(summary = "Stored events as integration events, in event-store order",
            description = "Per-aggregate order holds. Start without a cursor, then pass nextCursor back until it is "
                    + "null (the end of the store as it was when the page was read). Personal data of erased "
                    + "customers comes back absent.")
    @APIResponse(responseCode = "200", description = "{\"events\": [IntegrationEvent…], \"nextCursor\": \"…\" or null}")
    @APIResponse(responseCode = "400", description = "limit or cursor invalid (the field is named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReplaySource.Page page(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "stored documents per page, 1 to " + MAX_LIMIT) @QueryParam("limit")
            @DefaultValue("1000") String limit) {
        ReplaySource.ReplayCursor cursor = after == null || after.isBlank() ? null
                : ReplaySource.ReplayCursor.decode(after.strip())
                .orElseThrow(() -> ProblemException.invalidField("after", "not a cursor from this API"));
        return source.page(cursor, limit(limit));
    }

    private static int limit(String limit) {
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below, like a number out of range.
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
