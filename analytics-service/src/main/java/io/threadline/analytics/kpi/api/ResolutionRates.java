package io.threadline.analytics.kpi.api;

import io.threadline.analytics.kpi.model.Counter;
import io.threadline.analytics.kpi.model.Tally;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Of the tickets solved for the first time in the bucket: how many on first contact, how many "
        + "reopened later")
public record ResolutionRates(
        @Schema(description = "Tickets solved for the first time") long ticketsFirstSolved,
        @Schema(description = "Of those, solved with exactly one agent reply and never reopened")
        long firstContactResolved,
        @Schema(description = "firstContactResolved / ticketsFirstSolved, in percent") Double firstContactResolutionPercent,
        @Schema(description = "Of those, reopened at least once afterwards") long reopenedAfterSolve,
        @Schema(description = "reopenedAfterSolve / ticketsFirstSolved, in percent") Double reopenPercent) {

    static ResolutionRates of(Tally t) {
        long solved = t.get(Counter.FIRST_SOLVED);
        long fcr = t.get(Counter.FIRST_CONTACT_RESOLVED);
        long reopened = t.get(Counter.REOPENED_AFTER_SOLVE);
        return new ResolutionRates(solved, fcr, Percent.of(fcr, solved), reopened, Percent.of(reopened, solved));
    }
}
