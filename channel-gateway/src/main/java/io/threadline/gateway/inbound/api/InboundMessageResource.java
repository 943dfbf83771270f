package io.threadline.gateway.inbound.api;

import io.smallrye.mutiny.Uni;
import io.threadline.gateway.inbound.InboundService;
import io.threadline.gateway.integrator.Integrator;
import io.threadline.gateway.integrator.IntegratorApi;
import io.threadline.gateway.integrator.IntegratorApiFilter;
import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;

@Path("/api/v1/inbound/messages")
@IntegratorApi
@Tag(name = "Inbound messages", description = "The integrator API: one normalized message, any channel")
public class InboundMessageResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_ID_LENGTH = 512;

    private final InboundService inbound;

    public InboundMessageResource(InboundService inbound) {
        this.inbound = inbound;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a customer message",
            description = "Answers only after Kafka acknowledged the message. A retry with the same channel and "
                    + "idempotency key (the Idempotency-Key header or providerMessageId) publishes nothing new and "
                    + "answers 200 with duplicate=true.")
    @Parameter(name = IntegratorApiFilter.API_KEY_HEADER, in = ParameterIn.HEADER, required = true,
            description = "The integrator's API key")
    @APIResponse(responseCode = "202", description = "Accepted and published",
            content = @Content(schema = @Schema(implementation = AcceptedMessage.class)))
    @APIResponse(responseCode = "200", description = "Accepted before; nothing new published")
    @APIResponse(responseCode = "400", description = "Invalid message; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or unknown API key")
    @APIResponse(responseCode = "403", description = "The API key may not publish to this channel")
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit")
    @APIResponse(responseCode = "422", description = "The idempotency key was used before for a different message")
    @APIResponse(responseCode = "429", description = "Rate limit of the API key used up; retry after Retry-After")
    @APIResponse(responseCode = "503", description = "Kafka unavailable; retry after the Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<AcceptedMessage>> accept(@Valid @NotNull InboundMessageRequest request,
                                @Parameter(description = "The message's unique id, if the body does not carry it "
                                        + "as providerMessageId") @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                                @Context ContainerRequestContext context) {
        String providerMessageId = providerMessageId(request, idempotencyKey);
        if (!request.hasContent()) {
            throw ProblemException.invalidField("text", "a message needs text, html or at least one attachment");
        }
        Integrator integrator = IntegratorApiFilter.integratorOf(context);
        if (!integrator.mayWriteTo(request.channel())) {
            throw new ProblemException(403, "channel-not-allowed", "Channel not allowed",
                    "The API key of " + integrator.name() + " may not publish to channel " + request.channel());
        }
        return inbound.accept(InboundMessageMapper.toContract(request, providerMessageId, Instant.now()),
                        RequestFingerprint.of(request))
                // A typed RestResponse lets the JSON writer be chosen once at build time rather than per request.
                .map(accepted -> RestResponse.status(accepted.duplicate() ? Response.Status.OK : Response.Status.ACCEPTED,
                        accepted));
    }

    /** The body's providerMessageId or the Idempotency-Key header; both may be given if they agree. */
    private static String providerMessageId(InboundMessageRequest request, String idempotencyKey) {
        String fromBody = blankToNull(request.providerMessageId());
        String fromHeader = blankToNull(idempotencyKey);
        if (fromHeader != null && fromHeader.length() > MAX_ID_LENGTH) {
            throw ProblemException.invalidField(IDEMPOTENCY_KEY, "size must be between 1 and " + MAX_ID_LENGTH);
        }
        if (fromBody == null && fromHeader == null) {
            throw ProblemException.invalidField("providerMessageId",
                    "required, unless the " + IDEMPOTENCY_KEY + " header carries the message's id");
        }
        if (fromBody != null && fromHeader != null && !fromBody.equals(fromHeader)) {
            throw ProblemException.invalidField(IDEMPOTENCY_KEY, "differs from providerMessageId in the body");
        }
        return fromBody != null ? fromBody : fromHeader;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
