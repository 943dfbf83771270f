package io.threadline.analytics.kpi.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.model.Tally;
import io.threadline.analytics.kpi.query.KpiQuery;
import io.threadline.analytics.kpi.query.KpiSeries;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One KPI family over a window: the values over the whole window and per bucket (and breakdown value). */
@Schema(description = "A KPI over [from, to): totals and a time series; buckets without any fact are left out")
public record KpiReport<V>(
        @Schema(example = "2026-11-01T00:00:00Z") Instant from,
        @Schema(description = "Exclusive end", example = "2026-12-01T00:00:00Z") Instant to,
        @Schema(example = "Europe/Paris") String zone,
        @Schema(enumeration = {"hour", "day", "week"}) String interval,
        @Schema(description = "The filters applied") Filters filters,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The breakdown dimension, absent without one") String by,
        V totals,
        @Schema(description = "Sorted by start, then breakdown value") List<KpiPoint<V>> series) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filters(String channel, String group, String agent, String priority) {

        static Filters of(Map<Dimension, String> filters) {
            return new Filters(filters.get(Dimension.CHANNEL), filters.get(Dimension.GROUP),
                    filters.get(Dimension.AGENT), filters.get(Dimension.PRIORITY));
        }
    }

    public static <V> KpiReport<V> of(KpiQuery query, KpiSeries series, Function<Tally, V> values) {
        List<KpiPoint<V>> points = series.points().stream()
                .map(p -> KpiPoint.of(p.start().toOffsetDateTime(), query.by(), p.group(), values.apply(p.tally())))
                .toList();
        return new KpiReport<>(query.window().from(), query.window().to(), query.window().zone().getId(),
                query.window().interval().wireName(), Filters.of(query.filters()),
                query.by().map(Dimension::wireName).orElse(null), values.apply(series.totals()), points);
    }
}
