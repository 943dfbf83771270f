package io.threadline.analytics.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.threadline.contracts.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the events applied to the read model, by type ({@code threadline_analytics_projected_events_total}),
 * so a flat line on a dashboard shows a stalled projection.
 */
@Startup
@ApplicationScoped
public class ProjectedEventsMeter {

    static final String NAME = "threadline.analytics.projected.events";

    private final MeterRegistry registry;
    private final Map<String, Counter> byType = new ConcurrentHashMap<>();

    public ProjectedEventsMeter(MeterRegistry registry) {
        this.registry = registry;
        // With @Startup this runs at boot, so the meters are exported at zero before the first event.
        for (EventType type : EventType.values()) {
            counter(type.typeName());
        }
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
