package io.threadline.analytics.rebuild.api;

import io.smallrye.common.annotation.Blocking;
import io.threadline.analytics.rebuild.RebuildService;
import io.threadline.analytics.rebuild.RebuildStatus;
import io.threadline.analytics.security.Roles;
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

@Path("/api/v1/rebuilds")
@Tag(name = "Rebuild", description = "Rebuild the read model from ticket-service's replay source (admins)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@APIResponse(responseCode = "401", description = "No bearer token, or not a valid one",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the role admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RebuildResource {

    private final RebuildService rebuilds;

    public RebuildResource(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @POST
    @Blocking
    @Operation(summary = "Start a rebuild into a fresh copy; the current copy stays served until the switch")
    @APIResponse(responseCode = "202", description = "Started; follow it at /api/v1/rebuilds/current",
            content = @Content(schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        return Response.accepted(rebuilds.start()).header("Location", "/api/v1/rebuilds/current").build();
    }

    @GET
    @Path("/current")
    @Blocking
    @Operation(summary = "The rebuild under way, or the last one")
    public RebuildStatus current() {
        return rebuilds.status();
    }
}
