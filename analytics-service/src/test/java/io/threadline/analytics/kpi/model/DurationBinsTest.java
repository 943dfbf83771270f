package io.threadline.analytics.kpi.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationBinsTest {

    @Test
    void aDurationIsFlooredToItsStepOnTheLadder() {
        assertThat(floored(Duration.ofSeconds(59))).isZero();
        assertThat(floored(Duration.ofMinutes(19).plusSeconds(59))).isEqualTo(Duration.ofMinutes(19));
        // 2-minute steps from 20 minutes, 5 from 1 hour, 10 from 2 hours, 30 from 6 hours, 2 hours from 1 day.
        assertThat(floored(Duration.ofMinutes(41))).isEqualTo(Duration.ofMinutes(40));
        assertThat(floored(Duration.ofMinutes(94))).isEqualTo(Duration.ofMinutes(90));
        assertThat(floored(Duration.ofMinutes(5 * 60 + 59))).isEqualTo(Duration.ofMinutes(5 * 60 + 50));
        assertThat(floored(Duration.ofMinutes(17 * 60 + 59))).isEqualTo(Duration.ofMinutes(17 * 60 + 30));
        assertThat(floored(Duration.ofHours(47))).isEqualTo(Duration.ofHours(46));
        // From 2 days, 12 steps per doubling: 4 hours up to 4 days, 8 hours up to 8 days.
        assertThat(floored(Duration.ofHours(51))).isEqualTo(Duration.ofHours(48));
        assertThat(floored(Duration.ofHours(4 * 24 + 15))).isEqualTo(Duration.ofHours(4 * 24 + 8));
    }

    @Test
    void everyStepFromTwentyMinutesIsAtMostATenthOfItsDurations() {
        for (long minutes = 20; minutes < 400 * 24 * 60; minutes++) {
            long millis = Duration.ofMinutes(minutes).toMillis();
            long lower = DurationBins.lowerBoundSeconds(DurationBins.binOf(millis)) * 1000;
            assertThat(lower).isLessThanOrEqualTo(millis).isGreaterThan(millis - millis / 10 - 1);
        }
    }

    @Test
    void aYearTakesAboutTwoHundredBins() {
        assertThat(DurationBins.binOf(Duration.ofDays(365).toMillis())).isBetween(200, 230);
        assertThat(DurationBins.binOf(-5)).isZero();
        assertThat(DurationBins.binOf(Long.MAX_VALUE)).isGreaterThan(DurationBins.binOf(Duration.ofDays(3650).toMillis()));
    }

    private static Duration floored(Duration duration) {
        return Duration.ofSeconds(DurationBins.lowerBoundSeconds(DurationBins.binOf(duration.toMillis())));
    }
}
