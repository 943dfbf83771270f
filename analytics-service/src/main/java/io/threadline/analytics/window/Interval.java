package io.threadline.analytics.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The width of one bucket of a time series, on the wall clock of the report's zone. */
public enum Interval {
    HOUR,
    DAY,
    /** ISO weeks: Monday to Sunday. */
    WEEK;

    /** The name in URLs and responses: {@code hour}, {@code day}, {@code week}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Interval> byWireName(String name) {
        return Arrays.stream(values()).filter(i -> i.wireName().equals(name)).findFirst();
    }

    /**
     * The start of the bucket holding {@code instant}, in {@code zone} with the offset in force then: a day
     * across a daylight-saving change still starts at local midnight and lasts 23 or 25 hours.
     */
    public ZonedDateTime bucketStart(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return switch (this) {
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS);
            case DAY -> local.toLocalDate().atStartOfDay(zone);
            case WEEK -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atStartOfDay(zone);
        };
    }

    /** The start of the bucket after the one starting at {@code start} (an hour later on the instant time line). */
    public ZonedDateTime next(ZonedDateTime start) {
        return switch (this) {
            case HOUR -> start.plusHours(1);
            case DAY -> start.toLocalDate().plusDays(1).atStartOfDay(start.getZone());
            case WEEK -> start.toLocalDate().plusWeeks(1).atStartOfDay(start.getZone());
        };
    }
}
