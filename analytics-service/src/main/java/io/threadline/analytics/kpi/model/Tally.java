package io.threadline.analytics.kpi.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Additive counters under dotted names ({@code created}, {@code frt.n}, {@code frt.h.42}…). Everything a KPI needs
 * is a sum of these, so tallies of buckets add up exactly and a part can be subtracted from a whole.
 */
public final class Tally {

    /** Hashed, not sorted: a year query adds up tens of thousands of counters. */
    private final Map<String, Long> counters = new HashMap<>();

    public static Tally of(String field, long amount) {
        return new Tally().add(field, amount);
    }

    public Tally add(String field, long amount) {
        if (amount != 0) {
            // One look-up: a sum of zero removes the counter.
            counters.merge(field, amount, (a, b) -> a + b == 0 ? null : a + b);
        }
        return this;
    }

    /** Adds {@code sign} times every counter of {@code other}. */
    public Tally add(Tally other, int sign) {
        other.counters.forEach((field, amount) -> add(field, sign * amount));
        return this;
    }

    public Tally negated() {
        return new Tally().add(this, -1);
    }

    public long get(String field) {
        return counters.getOrDefault(field, 0L);
    }

    /**
     * The counters named {@code prefix.<n>} for n from 0 to {@code size - 1}, at index n: a histogram read in one pass,
     * without a map of its bins (a year's series computes a few for each of hundreds of buckets).
     */
    public long[] indexed(String prefix, int size) {
        String start = prefix + ".";
        long[] values = new long[size];
        counters.forEach((field, amount) -> {
            if (field.startsWith(start)) {
                int index = Integer.parseInt(field, start.length(), field.length(), 10);
                if (index < 0 || index >= size) {
                    throw new IllegalArgumentException("No counter " + field + " below " + size);
                }
                values[index] = amount;
            }
        });
        return values;
    }

    public boolean isEmpty() {
        return counters.isEmpty();
    }

    public void forEach(BiConsumer<String, Long> action) {
        counters.forEach(action);
    }

    public Map<String, Long> asMap() {
        return Collections.unmodifiableMap(counters);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally other && counters.equals(other.counters);
    }

    @Override
    public int hashCode() {
        return counters.hashCode();
    }

    @Override
    public String toString() {
        return counters.toString();
    }
}
