package io.threadline.servicekit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Registers gauges that show this application's values for as long as it runs.
 * <ul>
 *   <li>Held strongly: Micrometer holds a gauge's object weakly, and a collected one drops out of {@code /q/metrics}.</li>
 *   <li>Replacing a gauge of the same name and tags that an earlier application left in a registry that outlived it
 *   (an application restarted in the same JVM, as tests do): Micrometer would hand back that one, with its values.</li>
 * </ul>
 */
public final class HeldGauges {

    private HeldGauges() {
    }

    public static <T> Gauge register(MeterRegistry registry, Gauge.Builder<T> gauge) {
        gauge.strongReference(true);
        // The gauge's id, as the builder does not tell it: the registry would answer an existing meter of that id.
        registry.remove(gauge.register(new SimpleMeterRegistry()).getId());
        return gauge.register(registry);
    }
}
