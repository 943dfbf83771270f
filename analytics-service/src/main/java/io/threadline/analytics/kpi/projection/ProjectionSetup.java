package io.threadline.analytics.kpi.projection;

import io.threadline.analytics.AnalyticsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.Set;

/** Builds the projection from the configuration: with a business calendar when a business-hours zone is set. */
@ApplicationScoped
public class ProjectionSetup {

    @Produces
    @ApplicationScoped
    BatchProjection batchProjection(AnalyticsConfig config) {
        AnalyticsConfig.BusinessHours hours = config.businessHours();
        return new BatchProjection(hours.calendarZone().map(zone -> new BusinessCalendar(zone, hours.days(), hours.opens(),
                hours.closes(), hours.holidays().orElse(Set.of()))));
    }
}
