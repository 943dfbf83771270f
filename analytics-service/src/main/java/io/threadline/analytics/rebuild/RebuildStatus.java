package io.threadline.analytics.rebuild;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "The latest rebuild of the read model from the replay source")
public record RebuildStatus(
        @Schema(description = "NONE before any rebuild, then RUNNING, DONE or FAILED") State state,
        @Schema(description = "The copy being built (or built)") int generation,
        @Schema(description = "The copy served") int servedGeneration,
        @Schema(description = "Events read from the replay source") long eventsRead,
        @Schema(description = "Pages read") long pages,
        @Schema(description = "Events skipped as unusable (logged with their reason)") long eventsRejected,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    public enum State { NONE, RUNNING, DONE, FAILED }
}
