package io.threadline.ticket.ticket.api.rest;

import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import io.threadline.ticket.http.Etags;
import io.threadline.ticket.security.Roles;
import io.threadline.ticket.ticket.query.TicketCursor;
import io.threadline.ticket.ticket.query.TicketDetail;
import io.threadline.ticket.ticket.query.TicketFilter;
import io.threadline.ticket.ticket.query.TicketHistory;
import io.threadline.ticket.ticket.query.TicketList;
import io.threadline.ticket.ticket.query.TicketPage;
import io.threadline.ticket.ticket.query.TicketSort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** The agents' view of tickets: the list (from the read model) and one ticket's detail (from its events). */
@Path("/api/v1/tickets")
@Tag(name = "Tickets")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class TicketQueryResource {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    private static final String PAGE_EXAMPLE = """
            {"items": [{"id": "5f0c…", "number": "TL-1042", "customerId": "9a1e…", "status": "OPEN",
              "priority": "HIGH", "assignee": "bob", "group": "billing", "channel": "email",
              "subject": "Invoice question", "createdAt": "2026-11-02T09:15:30Z", "updatedAt": "2026-11-02T10:01:12Z",
              "lastMessageAt": "2026-11-02T09:58:40Z", "version": 6}],
             "nextCursor": "MTc2MjA3Nzg3MjAwMHw1ZjBj"}""";

    private final TicketList list;
    private final TicketHistory history;

    public TicketQueryResource(TicketList list, TicketHistory history) {
        this.list = list;
        this.history = history;
    }

    @GET
    @Operation(summary = "Tickets, most recently updated first",
            description = "Filters combine. Pass nextCursor back as cursor for the next page. The list trails the "
                    + "event store by a moment; a ticket's detail is always current.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketPage.class),
            examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid (the field is named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TicketPage list(
            @Parameter(example = "OPEN") @QueryParam("status") String status,
            @Parameter(example = "bob") @QueryParam("assignee") String assignee,
            @Parameter(example = "billing") @QueryParam("group") String group,
            @Parameter(example = "HIGH") @QueryParam("priority") String priority,
            @Parameter(example = "email") @QueryParam("channel") String channel,
            @Parameter(example = "vip") @QueryParam("tag") String tag,
            @QueryParam("customerId") String customerId,
            @Parameter(description = "Text within the subject or any message, case-insensitive", example = "refund")
            @QueryParam("q") String text,
            @Parameter(description = "-updatedAt (default), updatedAt, -createdAt or createdAt; a minus sorts newest "
                    + "first", example = "-updatedAt") @QueryParam("sort") @DefaultValue("-updatedAt") String sort,
            @Parameter(description = "1 to " + MAX_LIMIT, example = "25") @QueryParam("limit")
            @DefaultValue("" + DEFAULT_LIMIT) String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        TicketFilter filter = new TicketFilter(enumParam(TicketStatus.class, "status", status),
                blankToNull(assignee), blankToNull(group), enumParam(TicketPriority.class, "priority", priority),
                blankToNull(channel), blankToNull(tag), blankToNull(customerId), blankToNull(text));
        TicketSort order = TicketSort.of(sort.strip()).orElseThrow(() -> ProblemException.invalidField("sort",
                "must be one of -updatedAt, updatedAt, -createdAt, createdAt"));
        TicketCursor after = cursor == null || cursor.isBlank() ? null : TicketCursor.decode(cursor)
                .filter(c -> c.sort() == order)
                .orElseThrow(() -> ProblemException.invalidField("cursor", "not a cursor from this API for this sort"));
        return list.find(filter, order, limit(limit), after);
    }

    @GET
    @Path("/{ticketId}")
    @Operation(summary = "One ticket: its state, the conversation in both directions and the internal notes")
    @APIResponse(responseCode = "200", description = "The ticket; ETag is its version, for If-Match",
            headers = @Header(name = HttpHeaders.ETAG, description = "The ticket's version, e.g. \"7\""),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TicketDetail.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response detail(@PathParam("ticketId") String ticketId,
                           @Parameter(description = "Show the ticket as it was at this instant (ISO-8601, UTC), "
                                   + "from its events up to then", example = "2026-11-02T10:00:00Z")
                           @QueryParam("asOf") String asOf) {
        Instant at = asOf == null || asOf.isBlank() ? null : instant("asOf", asOf);
        TicketDetail ticket = history.load(ticketId, at)
                .orElseThrow(() -> ProblemException.notFound(at == null ? "No ticket " + ticketId
                        : "No ticket " + ticketId + " as of " + at));
        return Response.ok(ticket).header(HttpHeaders.ETAG, Etags.of(ticket.ticket().version())).build();
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 instant such as 2026-11-02T10:00:00Z");
        }
    }

    private static <E extends Enum<E>> E enumParam(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
