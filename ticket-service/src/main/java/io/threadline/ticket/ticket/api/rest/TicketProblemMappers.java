package io.threadline.ticket.ticket.api.rest;

import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import io.threadline.ticket.http.Etags;
import io.threadline.ticket.ticket.command.ForeignReplyAddressException;
import io.threadline.ticket.ticket.command.InvalidMergeException;
import io.threadline.ticket.ticket.command.InvalidSurveyScoreException;
import io.threadline.ticket.ticket.command.NoReplyAddressException;
import io.threadline.ticket.ticket.command.ReassignmentNotAllowedException;
import io.threadline.ticket.ticket.command.StatusNotSettableException;
import io.threadline.ticket.ticket.command.TicketClosedException;
import io.threadline.ticket.ticket.command.TicketVersionConflictException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The Ticket aggregate's refusals as problem responses, each with a stable type. */
public class TicketProblemMappers {

    @ServerExceptionMapper
    public Response closed(TicketClosedException e, UriInfo uri) {
        return respond(new ProblemException(409, "ticket-closed", "Ticket closed", e.getMessage()), uri).build();
    }

    @ServerExceptionMapper
    public Response noReplyAddress(NoReplyAddressException e, UriInfo uri) {
        return respond(new ProblemException(409, "no-reply-address", "No address to reply to", e.getMessage()), uri)
                .build();
    }

    @ServerExceptionMapper
    public Response invalidMerge(InvalidMergeException e, UriInfo uri) {
        return respond(ProblemException.invalidField("targetTicketId", e.getMessage()), uri).build();
    }

    @ServerExceptionMapper
    public Response invalidScore(InvalidSurveyScoreException e, UriInfo uri) {
        return respond(ProblemException.invalidField("score", e.getMessage()), uri).build();
    }

    @ServerExceptionMapper
    public Response versionConflict(TicketVersionConflictException e, UriInfo uri) {
        return respond(new ProblemException(412, "version-mismatch", "Ticket changed meanwhile", e.getMessage()), uri)
                .header(HttpHeaders.ETAG, Etags.of(e.currentVersion())).build();
    }

    @ServerExceptionMapper
    public Response reassignment(ReassignmentNotAllowedException e, UriInfo uri) {
        return respond(new ProblemException(403, "reassignment-not-allowed", "Reassignment not allowed",
                e.getMessage()), uri).build();
    }

    @ServerExceptionMapper
    public Response statusNotSettable(StatusNotSettableException e, UriInfo uri) {
        return respond(ProblemException.invalidField("status", e.getMessage()), uri).build();
    }

    @ServerExceptionMapper
    public Response foreignAddress(ForeignReplyAddressException e, UriInfo uri) {
        return respond(ProblemException.invalidField("address", e.getMessage()), uri).build();
    }

    @ServerExceptionMapper
    public Response unknownTicket(AggregateNotFoundException e, UriInfo uri) {
        return respond(ProblemException.notFound("No ticket " + e.getAggregateIdentifier()), uri).build();
    }

    private static Response.ResponseBuilder respond(ProblemException problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toProblem(uri.getPath()));
    }
}
