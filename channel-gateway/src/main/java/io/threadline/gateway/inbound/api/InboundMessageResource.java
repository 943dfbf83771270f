package io.threadline.gateway.inbound.api;

import io.smallrye.mutiny.Uni;
import io.threadline.gateway.inbound.InboundService;
import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

@Path("/api/v1/inbound/messages")
@Tag(name = "Inbound messages", description = "The integrator API: one normalized message, any channel")
public class InboundMessageResource {

    private final InboundService inbound;

    public InboundMessageResource(InboundService inbound) {
        this.inbound = inbound;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a customer message",
            description = "Answers only after Kafka acknowledged the message. A retry with the same channel and "
                    + "providerMessageId publishes nothing new and answers 200 with duplicate=true.")
    @APIResponse(responseCode = "202", description = "Accepted and published",
            content = @Content(schema = @Schema(implementation = AcceptedMessage.class)))
    @APIResponse(responseCode = "200", description = "Accepted before; nothing new published")
    @APIResponse(responseCode = "400", description = "Invalid message; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit")
    @APIResponse(responseCode = "503", description = "Kafka unavailable; retry after the Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> accept(@Valid @NotNull InboundMessageRequest request) {
        if (!request.hasContent()) {
            throw ProblemException.invalidField("text", "a message needs text, html or at least one attachment");
        }
        return inbound.accept(InboundMessageMapper.toContract(request, Instant.now()))
                .map(accepted -> Response.status(accepted.duplicate() ? 200 : 202).entity(accepted).build());
    }
}
