package io.threadline.analytics.rebuild;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ticket-service's {@code GET /api/v1/replay/events} (bearer JWT with role admin). */
@RegisterRestClient(configKey = "replay-source")
@Path("/api/v1/replay/events")
public interface ReplaySource {

    /** {@code after} null for the first page. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    ReplayPage page(@QueryParam("after") String after, @QueryParam("limit") int limit,
                    @HeaderParam("Authorization") String authorization);
}
