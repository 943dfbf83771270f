package io.threadline.analytics.volume.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(description = "Ticket and message volumes in [from, to), in total and per bucket and channel")
public record VolumeReport(
        @Schema(example = "2026-11-01T00:00:00Z")
        Instant from,
        @Schema(description = "Exclusive end", example = "2026-12-01T00:00:00Z")
        Instant to,
        @Schema(example = "Europe/Paris")
        String zone,
        @Schema(enumeration = {"hour", "day", "week"}, example = "day")
        String interval,
        VolumeTotals totals,
        @Schema(description = "Sorted by start, then channel")
        List<VolumeBucket> series) {
}
