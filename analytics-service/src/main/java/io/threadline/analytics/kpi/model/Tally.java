package io.threadline.analytics.kpi.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Additive counters under dotted names ({@code created}, {@code frt.n}, {@code frt.h.42}…). Everything a KPI needs
 * is a sum of these, so tallies of buckets add up exactly and a part can be subtracted from a whole.
 *
 * <p>Histogram bins ({@code <histogram>.<bin>}, the histogram's name ending in {@code .h}) are most of the counters of
 * a percentile query, hundreds per tally and hundreds of tallies per year: they are kept as an array per histogram
 * instead of a map entry and a boxed value each. Either way a counter that sums to zero is the same as one never
 * counted.
 */
public final class Tally {

    private static final String HISTOGRAM_SUFFIX = ".h";

    /** A counter name that is a histogram's bin: {@code frt.h.42} is bin 42 of {@code frt.h}. */
    public record Bin(String histogram, int number) {
    }

    /** Every counter but the bins; hashed, not sorted. */
    private final Map<String, Long> counters = new HashMap<>();
    /** The bins of each histogram, by histogram name ({@code frt.h}), grown as bins are counted. */
    private final Map<String, long[]> histograms = new HashMap<>(4);

    public static Tally of(String field, long amount) {
        return new Tally().add(field, amount);
    }

    /** The bin a counter name is, or null for any other counter. */
    public static Bin binOf(String field) {
        int dot = field.lastIndexOf('.');
        int bin = dot < 0 ? -1 : binNumber(field, dot);
        return bin < 0 ? null : new Bin(field.substring(0, dot), bin);
    }

    public Tally add(String field, long amount) {
        if (amount == 0) {
            return this;
        }
        Bin bin = binOf(field);
        return bin != null ? add(bin, amount) : addCounter(field, amount);
    }

    /** A counter that is no bin. */
    private Tally addCounter(String field, long amount) {
        if (amount != 0) {
            // One look-up: a sum of zero removes the counter.
            counters.merge(field, amount, (a, b) -> a + b == 0 ? null : a + b);
        }
        return this;
    }

    /** Adds to a bin: for callers that add the same names often and look up their bins once. */
    public Tally add(Bin bin, long amount) {
        return addBin(bin.histogram(), bin.number(), amount);
    }

    private Tally addBin(String histogram, int bin, long amount) {
        if (amount != 0) {
            long[] bins = histograms.get(histogram);
            if (bins == null || bins.length <= bin) {
                bins = bins == null ? new long[Math.max(bin + 1, 16)] : Arrays.copyOf(bins, Math.max(bin + 1, 2 * bins.length));
                histograms.put(histogram, bins);
            }
            bins[bin] += amount;
        }
        return this;
    }

    /** Adds {@code sign} times every counter of {@code other}. */
    public Tally add(Tally other, int sign) {
        other.counters.forEach((field, amount) -> addCounter(field, sign * amount));
        other.histograms.forEach((histogram, bins) -> {
            for (int bin = bins.length - 1; bin >= 0; bin--) {
                addBin(histogram, bin, sign * bins[bin]);
            }
        });
        return this;
    }

    public Tally negated() {
        return new Tally().add(this, -1);
    }

    public long get(String field) {
        Bin bin = binOf(field);
        if (bin != null) {
            long[] bins = histograms.get(bin.histogram());
            return bins == null || bin.number() >= bins.length ? 0 : bins[bin.number()];
        }
        return counters.getOrDefault(field, 0L);
    }

    /**
     * The counters named {@code prefix.<n>} for n from 0 to {@code size - 1}, at index n: a histogram read in one pass,
     * without a map of its bins (a year's series computes a few for each of hundreds of buckets).
     */
    public long[] indexed(String prefix, int size) {
        long[] values = new long[size];
        long[] bins = histograms.get(prefix);
        if (bins != null) {
            for (int bin = size; bin < bins.length; bin++) {
                if (bins[bin] != 0) {
                    throw new IllegalArgumentException("No counter " + prefix + "." + bin + " below " + size);
                }
            }
            System.arraycopy(bins, 0, values, 0, Math.min(size, bins.length));
        }
        String start = prefix + ".";
        counters.forEach((field, amount) -> {
            if (field.startsWith(start)) {
                throw new IllegalArgumentException("No counter " + field + " below " + size);
            }
        });
        return values;
    }

    public boolean isEmpty() {
        if (!counters.isEmpty()) {
            return false;
        }
        for (long[] bins : histograms.values()) {
            for (long count : bins) {
                if (count != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every counter that is not zero, bins under their dotted names. */
    public void forEach(BiConsumer<String, Long> action) {
        counters.forEach(action);
        histograms.forEach((histogram, bins) -> {
            for (int bin = 0; bin < bins.length; bin++) {
                if (bins[bin] != 0) {
                    action.accept(histogram + "." + bin, bins[bin]);
                }
            }
        });
    }

    public Map<String, Long> asMap() {
        if (histograms.isEmpty()) {
            return Collections.unmodifiableMap(counters);
        }
        Map<String, Long> all = new HashMap<>(counters);
        forEach(all::put);
        return Collections.unmodifiableMap(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally other && asMap().equals(other.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    /** The bin number of {@code <histogram>.<digits>} whose last dot is at {@code dot}, or -1 for any other name. */
    private static int binNumber(String field, int dot) {
        if (!field.startsWith(HISTOGRAM_SUFFIX, dot - HISTOGRAM_SUFFIX.length()) || dot == field.length() - 1
                || field.length() - dot > 10) {
            return -1;
        }
        int bin = 0;
        for (int i = dot + 1; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            bin = bin * 10 + (c - '0');
        }
        return bin;
    }
}
