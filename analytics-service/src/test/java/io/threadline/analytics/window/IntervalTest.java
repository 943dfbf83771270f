package io.threadline.analytics.window;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theRepeatedHourOfAutumnIsTwoBucketsWithTheirOwnOffsets() {
        // Paris falls back from UTC+2 to UTC+1 at 01:00Z on 2027-10-31: local 02:00-03:00 happens twice.
        assertThat(Interval.HOUR.bucketStart(Instant.parse("2027-10-31T00:30:00Z"), PARIS))
                .hasToString("2027-10-31T02:00+02:00[Europe/Paris]");
        assertThat(Interval.HOUR.bucketStart(Instant.parse("2027-10-31T01:30:00Z"), PARIS))
                .hasToString("2027-10-31T02:00+01:00[Europe/Paris]");
    }

    @Test
    void aDayStartsAtLocalMidnightWithTheOffsetInForceThen() {
        // The day of the autumn change starts at UTC+2 and lasts 25 hours.
        assertThat(Interval.DAY.bucketStart(Instant.parse("2027-10-31T22:59:59Z"), PARIS).toInstant())
                .isEqualTo(Instant.parse("2027-10-30T22:00:00Z"));
        assertThat(Interval.DAY.bucketStart(Instant.parse("2027-10-31T23:00:00Z"), PARIS).toInstant())
                .isEqualTo(Instant.parse("2027-10-31T23:00:00Z"));
    }

    @Test
    void aWeekStartsOnMonday() {
        // 2027-07-11 is a Sunday, 2027-07-12 a Monday.
        assertThat(Interval.WEEK.bucketStart(Instant.parse("2027-07-11T21:59:00Z"), PARIS))
                .hasToString("2027-07-05T00:00+02:00[Europe/Paris]");
        assertThat(Interval.WEEK.bucketStart(Instant.parse("2027-07-11T22:00:00Z"), PARIS))
                .hasToString("2027-07-12T00:00+02:00[Europe/Paris]");
    }

    @Test
    void wireNamesAreLowercase() {
        assertThat(Interval.byWireName("week")).contains(Interval.WEEK);
        assertThat(Interval.byWireName("WEEK")).isEmpty();
        assertThat(Interval.DAY.wireName()).isEqualTo("day");
    }
}
