package io.threadline.bench.e2e;

import java.time.Duration;
import java.time.Instant;

/**
 * One of the run's messages as a timeline shows it. The timestamps come from the system (gateway and history
 * service on the same machine clock); either may be absent if a service does not fill it.
 */
public record DeliveredMessage(int message, String entryId, Instant acceptedAt, Instant recordedAt) {

    public boolean hasTimes() {
        return acceptedAt != null && recordedAt != null;
    }

    /** Gateway accept to history store; only meaningful when {@link #hasTimes()}. */
    public Duration latency() {
        return Duration.between(acceptedAt, recordedAt);
    }
}
