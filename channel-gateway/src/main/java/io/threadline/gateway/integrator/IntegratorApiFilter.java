package io.threadline.gateway.integrator;

import io.github.bucket4j.ConsumptionProbe;
import io.threadline.gateway.GatewayConfig;
import io.threadline.servicekit.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Checks the caller's API key ({@code X-Api-Key}, 401 without a known one), its rate (429 with Retry-After) and
 * the declared body size (413), before the body is read. The matched integrator is left on the request for the resource.
 */
@Provider
@IntegratorApi
@Priority(Priorities.AUTHENTICATION)
public class IntegratorApiFilter implements ContainerRequestFilter {

    public static final String API_KEY_HEADER = "X-Api-Key";
    private static final String INTEGRATOR = Integrator.class.getName();

    private final ApiKeys apiKeys;
    /** Looked up on first use: filters are built at static init, before config mappings exist. */
    private final Instance<GatewayConfig> config;
    /** The body limit, once read: resolving the mapping builds it anew, which is work for every request. */
    private volatile long maxMessageBytes = -1;

    public IntegratorApiFilter(ApiKeys apiKeys, Instance<GatewayConfig> config) {
        this.apiKeys = apiKeys;
        this.config = config;
    }

    /** The integrator this filter let through. */
    public static Integrator integratorOf(ContainerRequestContext request) {
        return (Integrator) request.getProperty(INTEGRATOR);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String apiKey = request.getHeaderString(API_KEY_HEADER);
        Optional<Integrator> integrator = apiKeys.find(apiKey);
        if (integrator.isEmpty()) {
            request.abortWith(problem(401, "unauthenticated", "Unauthenticated", apiKey == null || apiKey.isBlank()
                    ? "An API key is required in the " + API_KEY_HEADER + " header"
                    : "The API key in " + API_KEY_HEADER + " is not known", request)
                    .header("WWW-Authenticate", "ApiKey header=\"" + API_KEY_HEADER + "\"").build());
            return;
        }
        ConsumptionProbe probe = integrator.get().bucket().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / (double) TimeUnit.SECONDS.toNanos(1)));
            request.abortWith(problem(429, "rate-limited", "Too many requests", "The rate limit of integrator "
                    + integrator.get().name() + " is used up; retry after " + retryAfter + " s", request)
                    .header("Retry-After", retryAfter).build());
            return;
        }
        long maxMessageBytes = maxMessageBytes();
        if (request.getLength() > maxMessageBytes) {
            request.abortWith(problem(413, "payload-too-large", "Payload too large", "A message may have at most "
                    + maxMessageBytes + " bytes; this one declares " + request.getLength(), request).build());
            return;
        }
        request.setProperty(INTEGRATOR, integrator.get());
    }

    private long maxMessageBytes() {
        long limit = maxMessageBytes;
        if (limit < 0) {
            limit = config.get().maxMessageBytes();
            maxMessageBytes = limit;
        }
        return limit;
    }

    private static Response.ResponseBuilder problem(int status, String type, String title, String detail,
                                                    ContainerRequestContext request) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(new Problem(Problem.type(type), title, status,
                detail, request.getUriInfo().getPath(), List.of()));
    }
}
