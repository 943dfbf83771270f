package io.threadline.analytics.kpi.projection;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    private static final long MINUTE = 60_000;
    private final BusinessCalendar paris = new BusinessCalendar(ZoneId.of("Europe/Paris"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
            Set.of(LocalDate.parse("2026-12-25")));

    @Test
    void countsOnlyTheOpeningHoursOfWorkingDaysInTheCalendarsZone() {
        // Friday 2026-11-06 16:30 Paris (15:30Z) to Monday 2026-11-09 10:00 Paris (09:00Z):
        // Friday 16:30-17:00 = 30 min, the weekend 0, Monday 09:00-10:00 = 60 min.
        assertThat(paris.businessMillis(Instant.parse("2026-11-06T15:30:00Z"), Instant.parse("2026-11-09T09:00:00Z")))
                .isEqualTo(90 * MINUTE);
    }

    @Test
    void skipsHolidays() {
        // Thursday 24 December 16:00 Paris to Saturday 26 December: 1 hour on the 24th, the 25th is a holiday.
        assertThat(paris.businessMillis(Instant.parse("2026-12-24T15:00:00Z"), Instant.parse("2026-12-26T12:00:00Z")))
                .isEqualTo(60 * MINUTE);
    }

    @Test
    void anIntervalOutsideOpeningHoursOrBackwardsIsZero() {
        assertThat(paris.businessMillis(Instant.parse("2026-11-06T20:00:00Z"), Instant.parse("2026-11-06T22:00:00Z")))
                .isZero();
        assertThat(paris.businessMillis(Instant.parse("2026-11-06T12:00:00Z"), Instant.parse("2026-11-06T10:00:00Z")))
                .isZero();
    }

    @Test
    void opensBeforeItCloses() {
        assertThatThrownBy(() -> new BusinessCalendar(ZoneId.of("UTC"), Set.of(DayOfWeek.MONDAY), LocalTime.of(17, 0),
                LocalTime.of(9, 0), Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
