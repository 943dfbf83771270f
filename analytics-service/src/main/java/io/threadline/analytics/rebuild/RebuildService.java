package io.threadline.analytics.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.threadline.analytics.ingest.EventDecoder;
import io.threadline.analytics.kpi.projection.BatchProjection;
import io.threadline.analytics.kpi.store.ActiveReadModel;
import io.threadline.servicekit.metrics.HeldGauges;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/**
 * Starts rebuilds (one at a time per instance) and reports their progress, through the API and as gauges:
 * {@code threadline_analytics_rebuild_events_read}, {@code threadline_analytics_rebuild_running}.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    private final ReplaySource source;
    private final RebuildConfig config;
    private final EventDecoder decoder;
    private final BatchProjection projection;
    private final ActiveReadModel readModel;
    private final ManagedExecutor executor;
    private volatile RebuildProgress current;

    public RebuildService(@RestClient ReplaySource source, RebuildConfig config, EventDecoder decoder,
                          BatchProjection projection, ActiveReadModel readModel, ManagedExecutor executor,
                          MeterRegistry registry) {
        this.source = source;
        this.config = config;
        this.decoder = decoder;
        this.projection = projection;
        this.readModel = readModel;
        this.executor = executor;
        gauge(registry, "threadline.analytics.rebuild.events.read", "Events read by the rebuild under way or the last one",
                () -> current == null ? 0 : current.eventsRead());
        gauge(registry, "threadline.analytics.rebuild.running", "1 while a rebuild runs",
                () -> current != null && current.running() ? 1 : 0);
    }

    /** Starts a rebuild into the next generation; 409 while one runs. */
    public synchronized RebuildStatus start() {
        if (current != null && current.running()) {
            throw new ProblemException(409, "rebuild-running", "A rebuild is running",
                    "Generation " + current.generation() + " is being built; wait until it is done");
        }
        int served = readModel.current().generation();
        RebuildProgress progress = new RebuildProgress(served, served + 1);
        current = progress;
        String authorization = config.token().map(token -> "Bearer " + token).orElse(null);
        Rebuild rebuild = new Rebuild(source, authorization, config.pageSize(), decoder, projection, readModel, progress);
        executor.runAsync(() -> {
            try {
                rebuild.run(progress.servedBefore(), progress.generation());
                progress.done();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Rebuild of generation %d failed; generation %d stays served", progress.generation(),
                        progress.servedBefore());
                progress.failed(e);
            }
        });
        return progress.status(served);
    }

    public RebuildStatus status() {
        int served = readModel.current().generation();
        RebuildProgress progress = current;
        return progress == null
                ? new RebuildStatus(RebuildStatus.State.NONE, served, served, 0, 0, 0, null, null, null)
                : progress.status(served);
    }

    private static void gauge(MeterRegistry registry, String name, String description, Supplier<Number> value) {
        HeldGauges.register(registry, Gauge.builder(name, value).description(description));
    }
}
