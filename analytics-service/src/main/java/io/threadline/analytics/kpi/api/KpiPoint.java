package io.threadline.analytics.kpi.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.threadline.analytics.kpi.model.Dimension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The values of one bucket; with a breakdown, also the value of the breakdown dimension. */
public record KpiPoint<V>(
        @Schema(description = "Start of the bucket on the wall clock of the zone, with the offset in force then",
                example = "2026-11-02T00:00:00+01:00")
        OffsetDateTime start,
        @JsonInclude(JsonInclude.Include.NON_NULL) String channel,
        @JsonInclude(JsonInclude.Include.NON_NULL) String group,
        @JsonInclude(JsonInclude.Include.NON_NULL) String agent,
        @JsonInclude(JsonInclude.Include.NON_NULL) String priority,
        @JsonUnwrapped V values) {

    static <V> KpiPoint<V> of(OffsetDateTime start, Optional<Dimension> by, String group, V values) {
        Dimension dimension = by.orElse(null);
        return new KpiPoint<>(start,
                dimension == Dimension.CHANNEL ? group : null,
                dimension == Dimension.GROUP ? group : null,
                dimension == Dimension.AGENT ? group : null,
                dimension == Dimension.PRIORITY ? group : null,
                values);
    }
}
