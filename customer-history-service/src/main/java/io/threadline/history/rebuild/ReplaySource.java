package io.threadline.history.rebuild;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * ticket-service's replay source: every stored integration event in event-store order (per-aggregate order holds),
 * both aggregate types, with the personal fields of erased customers null. Base URL from
 * {@code quarkus.rest-client.replay-source.url}.
 */
@RegisterRestClient(configKey = "replay-source")
@Path("/api/v1/replay/events")
public interface ReplaySource {

    /**
     * The page after {@code after} (null: from the start), as its JSON: {@code {"events": [...], "nextCursor": ...}},
     * {@code nextCursor} null once the end is reached. Read by {@link ReplayPages}, straight into decoded events.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    byte[] events(@QueryParam("after") String after, @QueryParam("limit") int limit,
                  @HeaderParam("Authorization") String authorization);
}
