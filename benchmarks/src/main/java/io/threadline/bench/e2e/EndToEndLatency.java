package io.threadline.bench.e2e;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Accept-to-timeline latency over the run's delivered messages, plus the instants that bound the whole flow:
 * throughput and drain time come from the system's own timestamps, not from when the benchmark polled.
 */
public final class EndToEndLatency {

    private final Histogram millis = new Histogram(3);
    private final List<Instant> recorded = new ArrayList<>();
    private int withoutTimes;
    private Instant firstAcceptedAt;
    private Instant lastAcceptedAt;
    private Instant lastRecordedAt;

    public void add(DeliveredMessage message) {
        if (!message.hasTimes()) {
            withoutTimes++;
            return;
        }
        // Both stamps come from one machine clock; a negative difference would be a bug upstream, kept visible as 0.
        millis.recordValue(Math.max(0, message.latency().toMillis()));
        firstAcceptedAt = earlier(firstAcceptedAt, message.acceptedAt());
        lastAcceptedAt = later(lastAcceptedAt, message.acceptedAt());
        lastRecordedAt = later(lastRecordedAt, message.recordedAt());
        recorded.add(message.recordedAt());
    }

    public Histogram millis() {
        return millis;
    }

    public long timed() {
        return millis.getTotalCount();
    }

    /** Entries lacking acceptedAt or recordedAt: visible, but not part of the latency figures. */
    public int withoutTimes() {
        return withoutTimes;
    }

    public Instant firstAcceptedAt() {
        return firstAcceptedAt;
    }

    public Instant lastAcceptedAt() {
        return lastAcceptedAt;
    }

    public Instant lastRecordedAt() {
        return lastRecordedAt;
    }

    /** From the last accept to the last entry stored: how long the pipeline needed to catch up. */
    public Duration drainAfterLastAccept() {
        return timed() == 0 ? Duration.ZERO : Duration.between(lastAcceptedAt, lastRecordedAt);
    }

    /** Messages per second from the first accept to the last entry stored. */
    public double throughputPerSecond() {
        if (timed() == 0) {
            return 0;
        }
        double seconds = Duration.between(firstAcceptedAt, lastRecordedAt).toNanos() / 1e9;
        return timed() / Math.max(seconds, 1e-3);
    }

    /**
     * When the history service had stored the given fraction of the timed messages, counted from the first
     * accept: a pipeline that slows down as data grows shows it here (the last quarter takes longest).
     */
    public Duration recordedBy(double fraction) {
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        if (recorded.isEmpty()) {
            return Duration.ZERO;
        }
        List<Instant> sorted = recorded.stream().sorted().toList();
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return Duration.between(firstAcceptedAt, sorted.get(Math.max(0, index)));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
