package io.threadline.analytics.kpi.model;

/** The clocks whose durations are kept as exact distributions (count, sum, histogram) in a {@link Tally}. */
public enum DurationKind {
    FIRST_RESPONSE("frt"),
    FIRST_RESPONSE_BUSINESS("frtB"),
    RESOLUTION("res"),
    RESOLUTION_BUSINESS("resB");

    private final String prefix;

    DurationKind(String prefix) {
        this.prefix = prefix;
    }

    /** Whether a counter is a histogram bin ({@code frt.h.42}): the bulk of a bucket, needed only for percentiles. */
    public static boolean isBin(String counter) {
        return counter.contains(".h.");
    }

    public String prefix() {
        return prefix;
    }

    /** The counters of one duration: one more value in the count, its milliseconds in the sum, its bin. */
    public Tally one(long millis) {
        return new Tally()
                .add(prefix + ".n", 1)
                .add(prefix + ".s", millis)
                .add(prefix + ".h." + DurationBins.binOf(millis), 1);
    }
}
