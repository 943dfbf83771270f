package io.threadline.analytics.kpi.projection;

import io.threadline.analytics.kpi.model.Dimensions;
import io.threadline.analytics.kpi.model.Tally;

import java.time.Instant;

/** Counters to add (or, negative, to take back) in the bucket of {@code at}, under {@code dims}. */
public record Contribution(Instant at, Dimensions dims, Tally delta) {
}
