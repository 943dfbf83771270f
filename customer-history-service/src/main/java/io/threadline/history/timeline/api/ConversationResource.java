package io.threadline.history.timeline.api;

import io.threadline.history.HistoryConfig;
import io.threadline.history.security.Roles;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.servicekit.problem.Problem;
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

import java.util.Set;

@Path("/api/v1/customers/{customerId}/conversation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversation", description = "What the customer sees: for channels that replay a conversation")
public class ConversationResource {

    private final TimelineQueries queries;
    private final String replyAuthor;

    public ConversationResource(TimelineQueries queries, HistoryConfig config) {
        this.queries = queries;
        this.replyAuthor = config.conversation().replyAuthor();
    }

    @GET
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Read the conversation a customer sees, oldest first",
            description = "The customer's inbound messages and the replies sent to them, across channels and tickets "
                    + "(and across merged customers). For services such as channel-gateway (role service).")
    @APIResponse(responseCode = "200", description = "One page of messages",
            content = @Content(schema = @Schema(implementation = ConversationPage.class)))
    @APIResponse(responseCode = "400", description = "limit, cursor or start malformed; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the service role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The history has no trace of this customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConversationPage conversation(
            @PathParam("customerId") @Parameter(example = "c-7f3a") String customerId,
            @QueryParam("limit") @Parameter(description = "Messages per page, 1 to 200 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor or previousCursor of a page") String cursor,
            @QueryParam("start") @Parameter(description = "Without a cursor: oldest (default) or newest, the page "
                    + "that ends at the newest message (what a chat replays on reconnect)") String start) {
        TimelineQueries.Page page = queries.page(customerId, TimelineQueries.Parameters.paging(limit, cursor, start),
                Set.of(TimelineEntry.Type.MESSAGE));
        return new ConversationPage(customerId,
                page.entries().stream().map(e -> ConversationEntry.of(e, replyAuthor)).toList(),
                page.nextCursor(), page.previousCursor());
    }
}
