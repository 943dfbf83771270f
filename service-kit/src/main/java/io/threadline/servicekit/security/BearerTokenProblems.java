package io.threadline.servicekit.security;

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
 * A missing, bad or insufficient bearer token answered with problem+json like every other error: 401 (with
 * {@code WWW-Authenticate: Bearer}) or 403. Services authenticate lazily ({@code quarkus.http.auth.proactive=false})
 * so that the failure reaches these mappers.
 */
public class BearerTokenProblems {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated("A bearer token is required", uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated("The bearer token is not valid (signature, issuer or expiry)", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(new Problem(Problem.type("forbidden"), "Forbidden",
                403, "The token's roles do not allow this request", uri.getPath(), List.of())).build();
    }

    private static Response unauthenticated(String detail, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem(Problem.type("unauthorized"), "Unauthorized", 401, detail, uri.getPath(),
                        List.of())).build();
    }
}
