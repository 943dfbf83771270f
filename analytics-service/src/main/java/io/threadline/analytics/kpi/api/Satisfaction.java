package io.threadline.analytics.kpi.api;

import io.threadline.analytics.kpi.model.Counter;
import io.threadline.analytics.kpi.model.Tally;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Survey answers by the time they were given; a new answer to a survey replaces the old one")
public record Satisfaction(
        long csatResponses,
        @Schema(description = "CSAT answers of 4 or 5") long csatSatisfied,
        @Schema(description = "csatSatisfied / csatResponses, in percent") Double csatPercent,
        long npsResponses,
        @Schema(description = "NPS answers of 9 or 10") long npsPromoters,
        @Schema(description = "NPS answers of 0 to 6") long npsDetractors,
        @Schema(description = "(promoters - detractors) / responses x 100, from -100 to 100") Double nps) {

    static Satisfaction of(Tally t) {
        long csat = t.get(Counter.CSAT_RESPONSES);
        long satisfied = t.get(Counter.CSAT_SATISFIED);
        long nps = t.get(Counter.NPS_RESPONSES);
        long promoters = t.get(Counter.NPS_PROMOTERS);
        long detractors = t.get(Counter.NPS_DETRACTORS);
        return new Satisfaction(csat, satisfied, Percent.of(satisfied, csat), nps, promoters, detractors,
                Percent.of(promoters - detractors, nps));
    }
}
