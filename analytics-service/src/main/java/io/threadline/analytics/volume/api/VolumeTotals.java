package io.threadline.analytics.volume.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Counts over the whole window")
public record VolumeTotals(
        @Schema(description = "TicketOpened events whose ticket was opened in the window", example = "42")
        long ticketsCreated,
        @Schema(description = "Distinct inbound customer messages received in the window", example = "97")
        long messagesReceived) {
}
