package io.threadline.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** Typed settings of the analytics service ({@code threadline.analytics.*}). */
@ConfigMapping(prefix = "threadline.analytics")
public interface AnalyticsConfig {

    /** Zone of the hour, day and week buckets when a request names none. */
    ZoneId defaultZone();

    /** How far back a report reaches when a request gives no {@code from}. */
    Duration defaultRange();

    /** The widest {@code from}-{@code to} span one request may ask for: it bounds the work of one request. */
    Duration maxRange();

    /** The widest span of a request by hour (a year by hour is 8,760 points, more than any chart shows). */
    @WithDefault("P31D")
    Duration maxHourlyRange();

    /** The working-hours calendar of the business-hours clocks; without a zone there are none. */
    BusinessHours businessHours();

    /** How often the live gauges (backlog, oldest unanswered message) are recomputed. */
    @WithDefault("10S")
    Duration liveRefresh();

    interface BusinessHours {
        /**
         * Set to enable business-hours variants of the clocks, e.g. {@code Europe/Paris}. Read as text: the
         * production profile sees an empty value where only another profile sets it.
         */
        Optional<String> zone();

        /** The calendar's zone; empty when none is configured. */
        default Optional<ZoneId> calendarZone() {
            return zone().map(String::trim).filter(z -> !z.isEmpty()).map(ZoneId::of);
        }

        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> days();

        @WithDefault("09:00")
        LocalTime opens();

        @WithDefault("17:00")
        LocalTime closes();

        /** Days without business hours, e.g. {@code 2026-12-25,2027-01-01}. */
        Optional<Set<LocalDate>> holidays();
    }
}
