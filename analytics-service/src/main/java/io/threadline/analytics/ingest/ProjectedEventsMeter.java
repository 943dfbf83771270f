package io.threadline.analytics.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.threadline.contracts.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts the events applied to the read model, by type ({@code threadline_analytics_projected_events_total}),
 * so a flat line on a dashboard shows a stalled projection; and times each polled batch
 * ({@code threadline_analytics_projection_batches_seconds}), so the rate of its sum says how busy the projection is:
 * near 1 it is the bound, well under 1 while lagging the wait is elsewhere (the broker, the consumer).
 */
@Startup
@ApplicationScoped
public class ProjectedEventsMeter {

    static final String NAME = "threadline.analytics.projected.events";
    static final String BATCHES = "threadline.analytics.projection.batches";

    private final MeterRegistry registry;
    private final Map<String, Counter> byType = new ConcurrentHashMap<>();
    private final Timer batches;

    public ProjectedEventsMeter(MeterRegistry registry) {
        this.registry = registry;
        // With @Startup this runs at boot, so the meters are exported at zero before the first event.
        for (EventType type : EventType.values()) {
            counter(type.typeName());
        }
        batches = Timer.builder(BATCHES)
                .description("Batches of polled records projected (decoding, bucket writes and dead letters included)")
                .register(registry);
    }

    public void batch(long nanos) {
        batches.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void projected(String type, int count) {
        counter(type).increment(count);
    }

    private Counter counter(String type) {
        return byType.computeIfAbsent(type, t -> Counter.builder(NAME)
                .description("Integration events applied to the analytics read model")
                .tag("type", t)
                .register(registry));
    }
}
