package io.threadline.analytics.kpi.query;

import io.threadline.analytics.kpi.model.Tally;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The tallies of a query: one per bucket (and breakdown value, when asked), in order of start then value, and the
 * total over the whole window. Buckets without any fact are left out.
 */
public record KpiSeries(Tally totals, List<Point> points) {

    /** {@code group} is the breakdown value, or null without a breakdown. */
    public record Point(ZonedDateTime start, String group, Tally tally) {
    }
}
