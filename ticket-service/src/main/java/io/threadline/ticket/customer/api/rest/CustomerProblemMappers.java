package io.threadline.ticket.customer.api.rest;

import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import io.threadline.ticket.customer.command.CustomerRuleException;
import io.threadline.ticket.customer.command.CustomerVersionConflictException;
import io.threadline.ticket.http.Etags;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The Customer aggregate's refusals as problem responses. */
public class CustomerProblemMappers {

    @ServerExceptionMapper
    public Response refused(CustomerRuleException e, UriInfo uri) {
        ProblemException problem = new ProblemException(409, "customer-rule", "Refused by the customer's rules",
                e.getMessage() + " (" + e.field() + ")");
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem.toProblem(uri.getPath())).build();
    }

    @ServerExceptionMapper
    public Response versionConflict(CustomerVersionConflictException e, UriInfo uri) {
        ProblemException problem = new ProblemException(412, "version-mismatch", "Customer changed meanwhile",
                e.getMessage());
        return Response.status(412).type(Problem.MEDIA_TYPE).entity(problem.toProblem(uri.getPath()))
                .header(HttpHeaders.ETAG, Etags.of(e.currentVersion())).build();
    }
}
