package io.threadline.analytics.live;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

@Schema(description = "One agent's load: open tickets now, and what they did in the window")
public record Workload(
        @Schema(description = "Agent id; `-` for unassigned tickets") String agent,
        @Schema(description = "Open tickets assigned now") long openTickets,
        @Schema(description = "Open tickets assigned now, by status") Map<String, Long> openByStatus,
        @Schema(description = "Replies in the window") long repliesSent,
        @Schema(description = "Solves in the window") long ticketsSolved) {
}
