package io.threadline.analytics.kpi.model;

/**
 * Count, median, 90th percentile and mean of one clock over a set of buckets. Percentiles use the nearest-rank
 * method on the binned values (the p-th percentile is the smallest value with at least p % of values at or below
 * it, so the median of an even count is the lower middle value); the mean is exact to the millisecond.
 */
public record DurationStats(long count, Long medianSeconds, Long p90Seconds, Double meanSeconds) {

    public static DurationStats of(Tally tally, DurationKind kind) {
        long count = tally.get(kind.prefix() + ".n");
        if (count <= 0) {
            return new DurationStats(0, null, null, null);
        }
        long[] histogram = tally.indexed(kind.prefix() + ".h", DurationBins.count());
        // The percentiles of the values the histogram holds: exactly `count` of them, except while a batch is being
        // written (a day's counts and its bins are two documents, written one after the other).
        long held = 0;
        for (long n : histogram) {
            held += n;
        }
        double mean = tally.get(kind.prefix() + ".s") / 1000.0 / count;
        return new DurationStats(count, percentile(histogram, held, 50), percentile(histogram, held, 90),
                Math.round(mean * 1000) / 1000.0);
    }

    private static Long percentile(long[] histogram, long held, int percent) {
        long rank = Math.max(1, (held * percent + 99) / 100);
        long seen = 0;
        for (int bin = 0; bin < histogram.length; bin++) {
            seen += histogram[bin];
            if (histogram[bin] != 0 && seen >= rank) {
                return DurationBins.lowerBoundSeconds(bin);
            }
        }
        return null;
    }
}
