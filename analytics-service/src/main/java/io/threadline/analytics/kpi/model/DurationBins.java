package io.threadline.analytics.kpi.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The resolution at which durations are kept for percentiles: a ladder of steps that grow with the duration (1 minute
 * below 20 minutes, 2 minutes below 1 hour, 5 minutes below 2 hours, 10 minutes below 6 hours, 30 minutes below 24
 * hours, 2 hours below 2 days, then 12 equal steps per doubling), so that from 20 minutes on a step is at most a tenth
 * of the durations it holds. A duration is floored to its step; a percentile is the exact percentile of the floored
 * values. 220 bins cover a year, so a day's histogram stays small and a year of days merges quickly.
 */
public final class DurationBins {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final int STEPS_PER_DOUBLING = 12;
    private static final List<Rung> LADDER = ladder();
    private static final long[] LOWER_BOUNDS = lowerBounds();

    /** Durations from {@code start} (inclusive) in {@code count} steps of {@code step} ms; bins from {@code firstBin}. */
    private record Rung(long start, long step, long count, int firstBin) {
        long end() {
            return start + step * count;
        }
    }

    private DurationBins() {
    }

    /** How many bins there are: {@link #binOf} gives 0 to {@code count() - 1}. */
    public static int count() {
        Rung last = LADDER.get(LADDER.size() - 1);
        return last.firstBin() + (int) last.count();
    }

    /** Negative durations (clock skew between producers) count as zero. */
    public static int binOf(long millis) {
        long d = Math.max(0, millis);
        for (Rung rung : LADDER) {
            if (d < rung.end()) {
                return rung.firstBin() + (int) ((d - rung.start()) / rung.step());
            }
        }
        Rung last = LADDER.get(LADDER.size() - 1);
        return last.firstBin() + (int) last.count() - 1;
    }

    /** The smallest duration in the bin, in seconds: what a percentile falling in this bin reports. */
    public static long lowerBoundSeconds(int bin) {
        if (bin < 0 || bin >= LOWER_BOUNDS.length) {
            throw new IllegalArgumentException("No duration bin " + bin);
        }
        return LOWER_BOUNDS[bin];
    }

    /** Every bin's lower bound, looked up rather than searched for: a year's series asks for thousands. */
    private static long[] lowerBounds() {
        long[] bounds = new long[count()];
        for (Rung rung : LADDER) {
            for (int i = 0; i < rung.count(); i++) {
                bounds[rung.firstBin() + i] = (rung.start() + i * rung.step()) / 1000;
            }
        }
        return bounds;
    }

    private static List<Rung> ladder() {
        List<Rung> ladder = new ArrayList<>();
        long[][] fixed = {{20 * MINUTE, MINUTE}, {HOUR, 2 * MINUTE}, {2 * HOUR, 5 * MINUTE}, {6 * HOUR, 10 * MINUTE},
                {DAY, 30 * MINUTE}, {2 * DAY, 2 * HOUR}};
        long start = 0;
        int firstBin = 0;
        for (long[] rung : fixed) {
            long count = (rung[0] - start) / rung[1];
            ladder.add(new Rung(start, rung[1], count, firstBin));
            firstBin += (int) count;
            start = rung[0];
        }
        // Then each doubling in 12 equal steps, as far as a duration in milliseconds reaches.
        while (start <= Long.MAX_VALUE / 2) {
            ladder.add(new Rung(start, start / STEPS_PER_DOUBLING, STEPS_PER_DOUBLING, firstBin));
            firstBin += STEPS_PER_DOUBLING;
            start *= 2;
        }
        return List.copyOf(ladder);
    }
}
