package io.threadline.ticket.ticket.api.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import io.threadline.ticket.http.Etags;
import io.threadline.ticket.security.Caller;
import io.threadline.ticket.security.Roles;
import io.threadline.ticket.ticket.work.TicketActions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Set;

/**
 * An agent's work on a ticket. Every call honours If-Match (the ETag of the ticket's detail; 412 if the ticket
 * changed meanwhile) and answers the new ETag.
 */
@Path("/api/v1/tickets/{ticketId}")
@Tag(name = "Tickets")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid request; the field is named",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "No such ticket",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "409", description = "The ticket is closed (final)",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "412", description = "If-Match names another version than the current one",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class TicketActionsResource {

    private static final String IF_MATCH_DOC =
            "The ETag of the ticket as last read; optional, * or absent skips the check";

    private final TicketActions actions;
    private final SecurityIdentity identity;

    public TicketActionsResource(TicketActions actions, SecurityIdentity identity) {
        this.actions = actions;
        this.identity = identity;
    }

    @POST
    @Path("/replies")
    @Operation(summary = "Reply to the customer",
            description = "Goes out on the channel and address of the customer's latest message, unless channel and "
                    + "address name another identity of the same customer. Delivery is reported later on "
                    + "channel.delivery under outboundId.")
    @APIResponse(responseCode = "202", description = "Recorded and queued for delivery",
            headers = @Header(name = HttpHeaders.ETAG, description = "The ticket's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "accepted",
                    value = "{\"ticketId\": \"5f0c…\", \"outboundId\": \"0b6a…\", \"version\": 7}")))
    public Response reply(@PathParam("ticketId") String ticketId,
                          @Parameter(description = IF_MATCH_DOC, example = "\"7\"") @HeaderParam(Etags.IF_MATCH)
                          String ifMatch,
                          @Valid @NotNull TicketRequests.Reply request) {
        if ((request.channel() == null) != (request.address() == null)) {
            String missing = request.channel() == null ? "channel" : "address";
            throw ProblemException.invalidField(missing, "channel and address go together");
        }
        TicketActions.Outcome outcome = actions.reply(ticketId, caller(), request.body(), request.channel(),
                request.address(), Etags.expectedVersion(ifMatch));
        return Response.accepted(new TicketResponses.ReplyAccepted(ticketId, outcome.createdId(), outcome.version()))
                .header(HttpHeaders.ETAG, Etags.of(outcome.version())).build();
    }

    @POST
    @Path("/notes")
    @Operation(summary = "Add an internal note (agents only: never sent, never in customer-facing views)")
    @APIResponse(responseCode = "201", description = "Added",
            headers = @Header(name = HttpHeaders.ETAG, description = "The ticket's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "added",
                    value = "{\"ticketId\": \"5f0c…\", \"noteId\": \"c41d…\", \"version\": 8}")))
    public Response addNote(@PathParam("ticketId") String ticketId,
                            @Parameter(description = IF_MATCH_DOC, example = "\"7\"") @HeaderParam(Etags.IF_MATCH)
                            String ifMatch,
                            @Valid @NotNull TicketRequests.Note request) {
        TicketActions.Outcome outcome = actions.addNote(ticketId, caller(), request.body(),
                Etags.expectedVersion(ifMatch));
        return Response.status(Response.Status.CREATED)
                .entity(new TicketResponses.NoteAdded(ticketId, outcome.createdId(), outcome.version()))
                .header(HttpHeaders.ETAG, Etags.of(outcome.version())).build();
    }

    @PUT
    @Path("/status")
    @Operation(summary = "Set the status: OPEN, PENDING, ON_HOLD, SOLVED or CLOSED (final)")
    @APIResponse(responseCode = "200", description = "Set (setting the current status changes nothing)",
            headers = @Header(name = HttpHeaders.ETAG, description = "The ticket's version"))
    public Response changeStatus(@PathParam("ticketId") String ticketId,
                                 @Parameter(description = IF_MATCH_DOC, example = "\"7\"") @HeaderParam(Etags.IF_MATCH)
                                 String ifMatch,
                                 @Valid @NotNull TicketRequests.Status request) {
        return changed(ticketId, actions.changeStatus(ticketId, caller(), request.status(),
                Etags.expectedVersion(ifMatch)));
    }

    @PUT
    @Path("/assignee")
    @Operation(summary = "Assign to an agent and/or a group; no assignee unassigns",
            description = "An agent may assign an unassigned ticket or one assigned to them; taking a ticket from "
                    + "another agent needs the supervisor (or admin) role.")
    @APIResponse(responseCode = "200", description = "Assigned",
            headers = @Header(name = HttpHeaders.ETAG, description = "The ticket's version"))
    @APIResponse(responseCode = "403", description = "Assigned to another agent and the caller is no supervisor",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response assign(@PathParam("ticketId") String ticketId,
                           @Parameter(description = IF_MATCH_DOC, example = "\"7\"") @HeaderParam(Etags.IF_MATCH)
                           String ifMatch,
                           @Valid @NotNull TicketRequests.Assignee request) {
        return changed(ticketId, actions.assign(ticketId, caller(), request.assignee(), request.group(),
                Etags.expectedVersion(ifMatch)));
    }

    @PUT
    @Path("/priority")
    @Operation(summary = "Set the priority: LOW, NORMAL, HIGH or URGENT")
    @APIResponse(responseCode = "200", description = "Set",
            headers = @Header(name = HttpHeaders.ETAG, description = "The ticket's version"))
    public Response changePriority(@PathParam("ticketId") String ticketId,
                                   @Parameter(description = IF_MATCH_DOC, example = "\"7\"")
                                   @HeaderParam(Etags.IF_MATCH) String ifMatch,
                                   @Valid @NotNull TicketRequests.Priority request) {
        return changed(ticketId, actions.changePriority(ticketId, caller(), request.priority(),
                Etags.expectedVersion(ifMatch)));
    }

    @PUT
    @Path("/tags")
    @Operation(summary = "Set the ticket's tags (the whole set)")
    @APIResponse(responseCode = "200", description = "Set (the same set changes nothing)",
            headers = @Header(name = HttpHeaders.ETAG, description = "The ticket's version"))
    public Response setTags(@PathParam("ticketId") String ticketId,
                            @Parameter(description = IF_MATCH_DOC, example = "\"7\"") @HeaderParam(Etags.IF_MATCH)
                            String ifMatch,
                            @Valid @NotNull TicketRequests.Tags request) {
        return changed(ticketId, actions.setTags(ticketId, caller(), Set.copyOf(request.tags()),
                Etags.expectedVersion(ifMatch)));
    }

    @PATCH
    @Path("/fields")
    @Operation(summary = "Set or remove custom fields (null removes a field; fields not named stay)")
    @APIResponse(responseCode = "200", description = "Set",
            headers = @Header(name = HttpHeaders.ETAG, description = "The ticket's version"))
    public Response setFields(@PathParam("ticketId") String ticketId,
                              @Parameter(description = IF_MATCH_DOC, example = "\"7\"") @HeaderParam(Etags.IF_MATCH)
                              String ifMatch,
                              @Valid @NotNull TicketRequests.Fields request) {
        return changed(ticketId, actions.setFields(ticketId, caller(), request.fields(),
                Etags.expectedVersion(ifMatch)));
    }

    @POST
    @Path("/merge")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Merge this ticket (a duplicate) into another (supervisors)",
            description = "This ticket closes, linked to the target, and the target records the merge. Messages that "
                    + "reach this ticket afterwards join the target. Both tickets' histories keep every event.")
    @APIResponse(responseCode = "200", description = "Merged; the ETag is this ticket's new version",
            headers = @Header(name = HttpHeaders.ETAG, description = "This ticket's version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "merged",
                    value = "{\"ticketId\": \"5f0c…\", \"mergedInto\": \"77aa…\", \"version\": 9}")))
    public Response merge(@PathParam("ticketId") String ticketId,
                          @Parameter(description = IF_MATCH_DOC, example = "\"7\"") @HeaderParam(Etags.IF_MATCH)
                          String ifMatch,
                          @Valid @NotNull TicketRequests.Merge request) {
        TicketActions.Outcome outcome = actions.merge(ticketId, caller(), request.targetTicketId(),
                Etags.expectedVersion(ifMatch));
        return Response.ok(new TicketResponses.TicketMerged(ticketId, outcome.createdId(), outcome.version()))
                .header(HttpHeaders.ETAG, Etags.of(outcome.version())).build();
    }

    @POST
    @Path("/survey-answers")
    @Operation(summary = "Record a customer's satisfaction survey answer (CSAT 1-5 or NPS 0-10)",
            description = "Also on solved and closed tickets. Sending the same survey id again replaces the answer.")
    @APIResponse(responseCode = "204", description = "Recorded")
    public Response recordSurveyAnswer(@PathParam("ticketId") String ticketId,
                                       @Valid @NotNull TicketRequests.SurveyAnswer request) {
        if (!request.kind().accepts(request.score())) {
            throw ProblemException.invalidField("score", request.kind() + " scores run from "
                    + request.kind().minScore() + " to " + request.kind().maxScore());
        }
        actions.recordSurveyAnswer(ticketId, request.surveyId(), request.kind(), request.score(), request.comment(),
                request.answeredAt() == null ? Instant.now() : request.answeredAt());
        return Response.noContent().build();
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    private static Response changed(String ticketId, TicketActions.Outcome outcome) {
        return Response.ok(new TicketResponses.TicketChanged(ticketId, outcome.version()))
                .header(HttpHeaders.ETAG, Etags.of(outcome.version())).build();
    }
}
