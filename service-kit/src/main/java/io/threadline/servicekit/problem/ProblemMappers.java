package io.threadline.servicekit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.mongodb.MongoException;
import io.threadline.servicekit.mongo.MongoErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure of a request into {@code application/problem+json}: validation and JSON errors name the
 * field; unexpected errors are logged and answered without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int MONGO_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(e.toProblem(uri.getPath()));
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(Problem.type("invalid-request"), "Invalid request", 400, detail, uri.getPath(),
                errors)).build();
    }

    /** Declared for the exact type so it wins over Quarkus's built-in plain-JSON mapper. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String message = e instanceof UnrecognizedPropertyException unknown
                ? "unknown field '" + unknown.getPropertyName() + "'"
                : e.getOriginalMessage().replaceAll("\\s*\\(for .*", "");
        String detail = field.isEmpty() ? "Malformed JSON: " + message : field + ": " + message;
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        return respond(new Problem(Problem.type("invalid-request"), "Invalid request", 400, detail, uri.getPath(),
                errors)).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "Request %s failed", uri.getPath());
        }
        Response.StatusType reason = e.getResponse().getStatusInfo();
        return respond(new Problem(Problem.type(slug(reason.getReasonPhrase())), reason.getReasonPhrase(), status,
                e.getMessage(), uri.getPath(), List.of())).build();
    }

    /**
     * MongoDB out of reach (no server answers, a connection dropped, no primary yet) is the store's outage, not the
     * request's fault: 503 with a time to try again, as for any other dependency that is down.
     */
    @ServerExceptionMapper
    public Response mongo(MongoException e, UriInfo uri) {
        if (!MongoErrors.isTransient(e)) {
            return unexpected(e, uri);
        }
        LOG.warnf("MongoDB unavailable on %s: %s", uri.getPath(), e.getMessage());
        return problem(ProblemException.unavailable("The database cannot be reached right now; try again shortly.",
                MONGO_RETRY_AFTER_SECONDS), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(new Problem(Problem.type("internal-error"), "Internal error", 500,
                "The request could not be completed; it has been logged.", uri.getPath(), List.of())).build();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /** {@code create.request.sender.address} (method, parameter, then bean path) becomes {@code sender.address}. */
    private static String fieldPath(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String slug(String phrase) {
        return phrase == null ? "error" : phrase.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
