package io.threadline.gateway.chat.typing;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.threadline.servicekit.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Agents' endpoints answer a missing, bad or insufficient bearer token with problem+json like every other error
 * (authentication is lazy, {@code quarkus.http.auth.proactive=false}, so the failure reaches these mappers).
 */
public class AgentAuthProblems {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem(Problem.type("unauthorized"), "Unauthorized", 401, "A valid agent bearer token "
                        + "is required", uri.getPath(), List.of())).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(new Problem(Problem.type("forbidden"), "Forbidden",
                403, "The token's roles do not allow this request", uri.getPath(), List.of())).build();
    }
}
