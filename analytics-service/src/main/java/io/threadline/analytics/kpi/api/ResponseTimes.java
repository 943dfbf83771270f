package io.threadline.analytics.kpi.api;

import io.threadline.analytics.kpi.model.DurationKind;
import io.threadline.analytics.kpi.model.Tally;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "First response and full resolution times; the business-hours variants are null without a "
        + "configured calendar")
public record ResponseTimes(
        @Schema(description = "First customer message (or opening) to first agent reply; in the bucket of the reply")
        Clock firstResponse,
        @Schema(description = "First customer message (or opening) to the latest solve; in the bucket of that solve")
        Clock fullResolution,
        Clock firstResponseBusinessHours,
        Clock fullResolutionBusinessHours) {

    static ResponseTimes of(Tally t, boolean businessHours) {
        return new ResponseTimes(Clock.of(t, DurationKind.FIRST_RESPONSE), Clock.of(t, DurationKind.RESOLUTION),
                businessHours ? Clock.of(t, DurationKind.FIRST_RESPONSE_BUSINESS) : null,
                businessHours ? Clock.of(t, DurationKind.RESOLUTION_BUSINESS) : null);
    }
}
