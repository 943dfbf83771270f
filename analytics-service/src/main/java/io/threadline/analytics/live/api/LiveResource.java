package io.threadline.analytics.live.api;

import io.smallrye.common.annotation.Blocking;
import io.threadline.analytics.kpi.api.KpiRequest;
import io.threadline.analytics.kpi.api.KpiRequestParser;
import io.threadline.analytics.kpi.model.Counter;
import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.model.Tally;
import io.threadline.analytics.kpi.query.KpiQuery;
import io.threadline.analytics.kpi.query.KpiReader;
import io.threadline.analytics.kpi.query.KpiSeries;
import io.threadline.analytics.kpi.store.ActiveReadModel;
import io.threadline.analytics.live.Backlog;
import io.threadline.analytics.live.OpenTickets;
import io.threadline.analytics.live.OpenTicketsSnapshot;
import io.threadline.analytics.live.Workload;
import io.threadline.servicekit.problem.Problem;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** The KPIs of right now: the backlog, and each agent's workload. */
@Path("/api/v1/metrics")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "A bad parameter; the problem names it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LiveResource {

    private static final String FIRST_READ = "The open tickets are being read for the first time since the service "
            + "started (a large backlog takes a while); try again after `Retry-After`";

    private final KpiRequestParser requests;
    private final KpiReader reader;
    private final ActiveReadModel readModel;
    private final OpenTicketsSnapshot snapshot;

    public LiveResource(KpiRequestParser requests, KpiReader reader, ActiveReadModel readModel,
                        OpenTicketsSnapshot snapshot) {
        this.requests = requests;
        this.readModel = readModel;
        this.snapshot = snapshot;
        this.reader = reader;
    }

    @GET
    @Path("/backlog")
    @Blocking
    @APIResponse(responseCode = "503", description = FIRST_READ,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(summary = "Open tickets now, by status and age, and the wait of the oldest unanswered message",
            description = "Takes the filters channel, group, agent and priority; the window parameters do not apply. "
                    + "Exact as of `asOf`: the open tickets as read at most one live-refresh interval ago.")
    public Backlog backlog(@BeanParam KpiRequest request) {
        return snapshot.current().backlog(requests.filters(request));
    }

    @GET
    @Path("/workload")
    @Blocking
    @APIResponse(responseCode = "503", description = FIRST_READ,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(summary = "Per agent: open tickets assigned now, and replies and solves in the window")
    public List<Workload> workload(@BeanParam KpiRequest request) {
        KpiQuery asked = requests.parse(request, Optional.empty());
        KpiQuery query = new KpiQuery(asked.window(), asked.filters(), Optional.of(Dimension.AGENT));
        Map<String, Tally> window = new TreeMap<>();
        KpiSeries series = reader.read(readModel.served(), query, false);
        series.points().forEach(p -> window.computeIfAbsent(p.group(), a -> new Tally()).add(p.tally(), 1));
        OpenTickets open = snapshot.current();
        Map<String, Backlog> openByAgent = open.backlogByAgent(query.filters());
        TreeSet<String> agents = new TreeSet<>(window.keySet());
        agents.addAll(openByAgent.keySet());
        List<Workload> workloads = new ArrayList<>();
        Backlog none = Backlog.empty(open.asOf());
        for (String agent : agents) {
            Backlog backlog = openByAgent.getOrDefault(agent, none);
            Tally done = window.getOrDefault(agent, new Tally());
            workloads.add(new Workload(agent, backlog.total(), backlog.byStatus(), done.get(Counter.REPLIES),
                    done.get(Counter.SOLVED)));
        }
        return workloads;
    }
}
