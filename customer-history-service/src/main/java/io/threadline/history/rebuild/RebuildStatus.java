package io.threadline.history.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Where the rebuild of the read model stands. */
@Schema(name = "RebuildStatus")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildStatus(
        State state,
        @Schema(description = "The copy being served") int activeGeneration,
        @Schema(description = "The copy being filled, while RUNNING") Integer buildingGeneration,
        long replayedEvents,
        @Schema(description = "Events the replay source had that could not be projected (logged)") long skippedEvents,
        @Schema(description = "Average since the start") double eventsPerSecond,
        @Schema(description = "Estimate: events published on customer.events and ticket.events when the rebuild "
                + "started, minus those replayed; null if Kafka could not tell") Long remainingEvents,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    public enum State {
        /** No rebuild ran since this instance started. */
        IDLE,
        RUNNING,
        /** The last rebuild finished and its copy is served. */
        COMPLETED,
        FAILED
    }
}
