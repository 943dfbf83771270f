package io.threadline.analytics.volume.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(description = "Counts of one channel in one bucket; buckets without any event are left out")
public record VolumeBucket(
        @Schema(description = "Start of the bucket on the wall clock of the zone, with the offset in force then",
                example = "2026-11-02T00:00:00+01:00")
        OffsetDateTime start,
        @Schema(example = "email")
        String channel,
        @Schema(example = "7")
        long ticketsCreated,
        @Schema(example = "15")
        long messagesReceived) {
}
