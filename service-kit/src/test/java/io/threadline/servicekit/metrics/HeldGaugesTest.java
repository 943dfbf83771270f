package io.threadline.servicekit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeldGaugesTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aLaterRegistrationReplacesTheGaugeAnEarlierApplicationLeft() {
        AtomicLong earlier = new AtomicLong(1);
        AtomicLong later = new AtomicLong(2);
        HeldGauges.register(registry, Gauge.builder("queue.depth", earlier, AtomicLong::get).tag("queue", "a"));
        HeldGauges.register(registry, Gauge.builder("queue.depth", later, AtomicLong::get).tag("queue", "a"));

        assertEquals(1, registry.find("queue.depth").gauges().size());
        assertEquals(2.0, registry.get("queue.depth").tag("queue", "a").gauge().value());
    }

    @Test
    void gaugesOfOtherTagsStay() {
        HeldGauges.register(registry, Gauge.builder("queue.depth", new AtomicLong(1), AtomicLong::get).tag("queue", "a"));
        HeldGauges.register(registry, Gauge.builder("queue.depth", new AtomicLong(2), AtomicLong::get).tag("queue", "b"));

        assertEquals(1.0, registry.get("queue.depth").tag("queue", "a").gauge().value());
        assertEquals(2.0, registry.get("queue.depth").tag("queue", "b").gauge().value());
    }

    @Test
    void aGaugeKeepsItsValueWhenNothingElseHoldsIt() {
        HeldGauges.register(registry, Gauge.builder("sockets.open", new AtomicLong(7), AtomicLong::get));
        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        // Held weakly, the AtomicLong would be collected and the gauge would read NaN.
        assertEquals(7.0, registry.get("sockets.open").gauge().value());
    }
}
