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
 * A set of dimensions that facts are pre-aggregated by. Every one of the 16 subsets of the four dimensions is
 * kept, so any combination of filters (and one breakdown) reads exactly one of them: no query ever scans facts.
 */
public record Cuboid(Set<Dimension> dimensions) {

    /** The key of the aggregate over every fact, in the cuboid without dimensions. */
    public static final String TOTAL_KEY = "*";
    public static final List<Cuboid> ALL = allSubsets();

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

    private static List<Cuboid> allSubsets() {
        Dimension[] all = Dimension.values();
        List<Cuboid> subsets = new ArrayList<>();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            EnumSet<Dimension> subset = EnumSet.noneOf(Dimension.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    subset.add(all[i]);
                }
            }
            subsets.add(new Cuboid(subset));
        }
        return List.copyOf(subsets);
    }

    @Override
    public String toString() {
        return name() + Arrays.toString(dimensions.toArray());
    }
}
