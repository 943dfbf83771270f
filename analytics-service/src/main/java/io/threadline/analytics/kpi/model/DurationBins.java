package io.threadline.analytics.kpi.model;

/**
 * The resolution at which durations are kept for percentiles: whole minutes below 48 hours, whole hours up to 30
 * days, whole days beyond. A duration is floored to its bin; a percentile is the exact percentile of the floored
 * values, so it is exact at that resolution. At most ~4,000 bins exist, so a year of buckets merges quickly.
 */
public final class DurationBins {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long MINUTE_RANGE = 48 * HOUR;
    private static final long HOUR_RANGE = 30 * DAY;
    private static final int FIRST_HOUR_BIN = (int) (MINUTE_RANGE / MINUTE);
    private static final int FIRST_DAY_BIN = FIRST_HOUR_BIN + (int) ((HOUR_RANGE - MINUTE_RANGE) / HOUR);

    private DurationBins() {
    }

    /** Negative durations (clock skew between producers) count as zero. */
    public static int binOf(long millis) {
        long d = Math.max(0, millis);
        if (d < MINUTE_RANGE) {
            return (int) (d / MINUTE);
        }
        if (d < HOUR_RANGE) {
            return FIRST_HOUR_BIN + (int) ((d - MINUTE_RANGE) / HOUR);
        }
        return FIRST_DAY_BIN + (int) Math.min(Integer.MAX_VALUE - FIRST_DAY_BIN, (d - HOUR_RANGE) / DAY);
    }

    /** The smallest duration in the bin, in seconds: what a percentile falling in this bin reports. */
    public static long lowerBoundSeconds(int bin) {
        if (bin < FIRST_HOUR_BIN) {
            return bin * MINUTE / 1000;
        }
        if (bin < FIRST_DAY_BIN) {
            return (MINUTE_RANGE + (long) (bin - FIRST_HOUR_BIN) * HOUR) / 1000;
        }
        return (HOUR_RANGE + (long) (bin - FIRST_DAY_BIN) * DAY) / 1000;
    }
}
