package io.threadline.history.rebuild;

import io.threadline.history.security.Roles;
import io.threadline.servicekit.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rebuild", description = "Rebuild the read model from ticket-service's replay source (admins)")
@RolesAllowed(Roles.ADMIN)
public class RebuildResource {

    private final Rebuild rebuild;

    public RebuildResource(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Start a rebuild into a fresh copy",
            description = "The current copy stays served until the new one has replayed every stored event.")
    @APIResponse(responseCode = "202", description = "Started; follow it with GET",
            content = @Content(schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is running already, or no replay token is configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Operation(summary = "Progress of the running (or last) rebuild: events replayed, events/s, remaining")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(schema = @Schema(implementation = RebuildStatus.class)))
    public RebuildStatus status() {
        return rebuild.status();
    }
}
