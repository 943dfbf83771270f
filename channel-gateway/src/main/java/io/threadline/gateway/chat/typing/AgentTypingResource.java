package io.threadline.gateway.chat.typing;

import io.smallrye.mutiny.Uni;
import io.threadline.gateway.GatewayConfig;
import io.threadline.gateway.chat.push.ChatPush;
import io.threadline.gateway.chat.push.ChatPushPublisher;
import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets the agent frontend show the visitor that a reply is being typed, on whichever replica holds the socket. */
@Path("/api/v1/chat/typing")
@Tag(name = "Web chat", description = "The chat widget's live side")
public class AgentTypingResource {

    private final ChatPushPublisher publisher;
    private final int retryAfterSeconds;

    public AgentTypingResource(ChatPushPublisher publisher, GatewayConfig config) {
        this.publisher = publisher;
        this.retryAfterSeconds = (int) config.retryAfter().toSeconds();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"agent", "supervisor", "admin"})
    @Operation(summary = "Tell a chat visitor that an agent is (or stopped) typing",
            description = "Pushed to the visitor's open sockets on every replica; nothing is stored. Send typing=false "
                    + "when the agent stops without sending; a reply ends the indicator by itself in the widget.")
    @APIResponse(responseCode = "202", description = "Handed to every replica")
    @APIResponse(responseCode = "400", description = "recipient or typing missing; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid agent bearer token")
    @APIResponse(responseCode = "503", description = "Kafka unavailable; Retry-After says when to try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> typing(@Valid @NotNull AgentTyping typing) {
        return publisher.publish(ChatPush.typing(typing.recipient().strip(), typing.typing()))
                .map(sent -> Response.accepted().build())
                .onFailure().transform(failure -> ProblemException.unavailable("The typing state could not be "
                        + "handed on; try again later", retryAfterSeconds));
    }
}
