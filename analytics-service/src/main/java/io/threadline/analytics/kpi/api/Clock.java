package io.threadline.analytics.kpi.api;

import io.threadline.analytics.kpi.model.DurationKind;
import io.threadline.analytics.kpi.model.DurationStats;
import io.threadline.analytics.kpi.model.Tally;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A clock's distribution; the percentiles are null when nothing was measured")
public record Clock(
        @Schema(description = "How many durations were measured") long count,
        @Schema(description = "Median (nearest rank), in seconds, exact to the minute under 48 h") Long medianSeconds,
        @Schema(description = "90th percentile (nearest rank), in seconds") Long p90Seconds,
        @Schema(description = "Mean, in seconds, exact to the millisecond") Double meanSeconds) {

    static Clock of(Tally tally, DurationKind kind) {
        DurationStats stats = DurationStats.of(tally, kind);
        return new Clock(stats.count(), stats.medianSeconds(), stats.p90Seconds(), stats.meanSeconds());
    }
}
