package io.threadline.analytics.kpi.projection;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * Working hours: the same opening hours on the given weekdays, in one zone, except on holidays. Counts how much of
 * an interval falls inside them, so clocks can be measured in business time.
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes,
                               Set<LocalDate> holidays) {

    public BusinessCalendar {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Business hours must open (" + opens + ") before they close (" + closes + ")");
        }
        days = Set.copyOf(days);
        holidays = Set.copyOf(holidays);
    }

    /** Milliseconds of [from, to) inside working hours; zero when {@code to} is not after {@code from}. */
    public long businessMillis(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long total = 0;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek()) || holidays.contains(day)) {
                continue;
            }
            Instant open = day.atTime(opens).atZone(zone).toInstant();
            Instant close = day.atTime(closes).atZone(zone).toInstant();
            Instant start = from.isAfter(open) ? from : open;
            Instant end = to.isBefore(close) ? to : close;
            if (end.isAfter(start)) {
                total += Duration.between(start, end).toMillis();
            }
        }
        return total;
    }
}
