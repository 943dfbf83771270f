package io.threadline.bench.yardstick;

import java.time.Duration;

/**
 * A raw client-side write rate of the infrastructure under the system, to set the system's figures against.
 *
 * @param requested  how many records or documents the run asked for
 * @param written    how many were acknowledged (fewer than requested when failed or cut by the time budget)
 * @param failed     writes the server rejected or that timed out
 * @param note       why {@code written} differs from {@code requested}, or null
 */
public record YardstickResult(String name, int requested, int written, int failed, int bytesPerRecord,
                              Duration elapsed, String note) {

    public double perSecond() {
        return written / seconds();
    }

    /** Payload megabytes (10^6 bytes) per second. */
    public double megabytesPerSecond() {
        return written * (double) bytesPerRecord / 1e6 / seconds();
    }

    private double seconds() {
        return Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }
}
