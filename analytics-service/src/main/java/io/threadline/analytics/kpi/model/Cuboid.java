package io.threadline.analytics.kpi.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of dimensions that facts are pre-aggregated by. Nine of the 16 subsets of the four dimensions are kept
 * ({@link #KEPT}): none, each one alone, channel+group, group+agent, channel+agent (the common questions), and all
 * four, which holds every combination. A query reads the smallest kept cuboid that has its filtered and broken-down
 * dimensions, adding up the keys that match: no query ever scans facts, and every fact is written 9 times, not 16.
 */
public record Cuboid(Set<Dimension> dimensions) {

    /** The key of the aggregate over every fact, in the cuboid without dimensions. */
    public static final String TOTAL_KEY = "*";
    public static final List<Cuboid> KEPT = List.of(
            of(List.of()),
            of(List.of(Dimension.CHANNEL)),
            of(List.of(Dimension.GROUP)),
            of(List.of(Dimension.AGENT)),
            of(List.of(Dimension.PRIORITY)),
            of(List.of(Dimension.CHANNEL, Dimension.GROUP)),
            of(List.of(Dimension.GROUP, Dimension.AGENT)),
            // An agent's figures on one channel: without it they come from the far larger documents of all four.
            of(List.of(Dimension.CHANNEL, Dimension.AGENT)),
            of(EnumSet.allOf(Dimension.class)));

    public Cuboid {
        dimensions = dimensions.isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(dimensions);
    }

    public static Cuboid of(Collection<Dimension> dimensions) {
        return new Cuboid(dimensions.isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(dimensions));
    }

    /** {@code all}, or the codes of the dimensions in their fixed order, e.g. {@code c+a}. */
    public String name() {
        if (dimensions.isEmpty()) {
            return "all";
        }
        return dimensions.stream().map(Dimension::code).collect(Collectors.joining("+"));
    }

    /** Where the facts of {@code dims} are counted in this cuboid: their values of its dimensions, escaped. */
    public String key(Dimensions dims) {
        if (dimensions.isEmpty()) {
            return TOTAL_KEY;
        }
        return dimensions.stream().map(d -> escape(dims.value(d))).collect(Collectors.joining("|"));
    }

    /** The value of {@code dimension} in a stored key of this cuboid. */
    public String valueIn(String key, Dimension dimension) {
        List<Dimension> ordered = new ArrayList<>(dimensions);
        String[] parts = key.split("\\|", -1);
        return unescape(parts[ordered.indexOf(dimension)]);
    }

    /** Values become MongoDB field names: no dots, no leading dollar, and the key separator stays unambiguous. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '%' -> escaped.append("%25");
                case '.' -> escaped.append("%2E");
                case '$' -> escaped.append("%24");
                case '|' -> escaped.append("%7C");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String unescape(String value) {
        return value.indexOf('%') < 0 ? value : URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The kept cuboid with the fewest dimensions among those holding all of {@code dimensions}. */
    public static Cuboid smallestHolding(Set<Dimension> dimensions) {
        Cuboid smallest = null;
        for (Cuboid cuboid : KEPT) {
            if (cuboid.dimensions.containsAll(dimensions)
                    && (smallest == null || cuboid.dimensions.size() < smallest.dimensions.size())) {
                smallest = cuboid;
            }
        }
        return smallest;
    }

    @Override
    public String toString() {
        return name() + Arrays.toString(dimensions.toArray());
    }
}
