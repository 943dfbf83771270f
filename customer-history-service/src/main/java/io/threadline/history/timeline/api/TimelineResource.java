package io.threadline.history.timeline.api;

import io.smallrye.mutiny.Multi;
import io.threadline.history.customer.store.CustomerGroup;
import io.threadline.history.customer.store.CustomerGroups;
import io.threadline.history.security.Roles;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.live.TimelineFeed;
import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.HashSet;
import java.util.Set;

@Path("/api/v1/customers/{customerId}/timeline")
@Tag(name = "Timeline", description = "Every interaction of a customer, across channels and tickets (agents)")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token is not an agent's, supervisor's or admin's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "The history has no trace of this customer",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TimelineResource {

    private final TimelineQueries queries;
    private final CustomerGroups groups;
    private final TimelineFeed feed;

    public TimelineResource(TimelineQueries queries, CustomerGroups groups, TimelineFeed feed) {
        this.queries = queries;
        this.groups = groups;
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a customer's timeline (agent view, with internal notes)",
            description = "Ordered by occurredAt, then entryId; after a merge, the entries of every merged customer "
                    + "interleave. Without a cursor the first page starts at the oldest entry (or, with "
                    + "start=newest, ends at the newest). Follow nextCursor for newer entries and previousCursor for "
                    + "older ones; keep the filters the same while paging.")
    @APIResponse(responseCode = "200", description = "One page of entries, oldest first",
            content = @Content(schema = @Schema(implementation = TimelinePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TimelinePage timeline(
            @PathParam("customerId") @Parameter(example = "c-7f3a") String customerId,
            @QueryParam("limit") @Parameter(description = "Entries per page, 1 to 200 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor or previousCursor of a page") String cursor,
            @QueryParam("start") @Parameter(description = "Without a cursor: oldest (default) or newest")
            String start,
            @QueryParam("type") @Parameter(description = "Entry types, comma-separated", example = "MESSAGE,NOTE")
            String type,
            @QueryParam("channel") @Parameter(description = "Channels, comma-separated", example = "email,chat")
            String channel,
            @QueryParam("ticket") @Parameter(description = "A ticket id or number", example = "TL-1042") String ticket,
            @QueryParam("since") @Parameter(description = "Entries at or after this instant") String since,
            @QueryParam("until") @Parameter(description = "Entries before this instant") String until) {
        TimelineQueries.Page page = queries.page(customerId,
                new TimelineQueries.Parameters(limit, cursor, start, type, channel, ticket, since, until), Set.of());
        return new TimelinePage(customerId, page.entries(), page.nextCursor(), page.previousCursor());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "New timeline entries as they are stored (server-sent events)",
            description = "One event per new entry of the customer's group (as merged when the stream opened), "
                    + "agent view. Read the timeline first, then follow the stream; after a reconnect, catch up "
                    + "with the timeline's cursor.")
    public Multi<TimelineEntry> stream(@PathParam("customerId") @Parameter(example = "c-7f3a") String customerId) {
        CustomerGroup group = groups.of(customerId);
        if (!group.known()) {
            throw ProblemException.notFound("No customer " + customerId);
        }
        return feed.of(new HashSet<>(group.members()));
    }
}
