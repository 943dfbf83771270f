package io.threadline.analytics.kpi.query;

import io.threadline.analytics.kpi.model.Cuboid;
import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.model.Dimensions;
import io.threadline.analytics.window.ReportWindow;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A KPI request: the window and its buckets, filters on any dimensions, and at most one breakdown dimension. */
public record KpiQuery(ReportWindow window, Map<Dimension, String> filters, Optional<Dimension> by) {

    public KpiQuery {
        filters = filters.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(filters));
    }

    /** The smallest kept cuboid holding the filtered and broken-down dimensions. */
    Cuboid cuboid() {
        return Cuboid.smallestHolding(dimensions());
    }

    /** Whether that cuboid has exactly those dimensions, so a query without breakdown reads one key of it. */
    boolean cuboidIsExact() {
        return cuboid().dimensions().equals(dimensions());
    }

    private Set<Dimension> dimensions() {
        Set<Dimension> dims = filters.isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(filters.keySet());
        by.ifPresent(dims::add);
        return dims;
    }

    /** The filter values as dimensions, to compute the one key a query without breakdown reads. */
    Dimensions filterValues() {
        return new Dimensions(filters.get(Dimension.CHANNEL), filters.get(Dimension.GROUP),
                filters.get(Dimension.AGENT), filters.get(Dimension.PRIORITY));
    }
}
