package io.threadline.analytics.kpi.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationStatsTest {

    private static final long MINUTE = 60_000;

    @Test
    void percentilesAndMeanOfTheValuesHeld() {
        // 3, 5 and 10 minutes: median (rank 2 of 3) 5 min, p90 (rank 3) 10 min, mean 6 min.
        Tally tally = DurationKind.FIRST_RESPONSE.one(3 * MINUTE)
                .add(DurationKind.FIRST_RESPONSE.one(5 * MINUTE), 1)
                .add(DurationKind.FIRST_RESPONSE.one(10 * MINUTE), 1);

        assertThat(DurationStats.of(tally, DurationKind.FIRST_RESPONSE))
                .isEqualTo(new DurationStats(3, 5 * 60L, 10 * 60L, 6 * 60.0));
    }

    @Test
    void aDayReadBetweenItsCountsAndItsBinsStillAnswers() {
        // The counts document already holds the third value (10 minutes), the bins document not yet: the
        // percentiles are those of the two values the bins hold; count and mean follow the counts.
        Tally counts = DurationKind.FIRST_RESPONSE.one(3 * MINUTE)
                .add(DurationKind.FIRST_RESPONSE.one(5 * MINUTE), 1)
                .add(DurationKind.FIRST_RESPONSE.one(10 * MINUTE), 1)
                .add(DurationKind.FIRST_RESPONSE.prefix() + ".h." + DurationBins.binOf(10 * MINUTE), -1);

        assertThat(DurationStats.of(counts, DurationKind.FIRST_RESPONSE))
                .isEqualTo(new DurationStats(3, 3 * 60L, 5 * 60L, 6 * 60.0));
        Tally noBins = Tally.of(DurationKind.FIRST_RESPONSE.prefix() + ".n", 1)
                .add(DurationKind.FIRST_RESPONSE.prefix() + ".s", 7 * MINUTE);
        assertThat(DurationStats.of(noBins, DurationKind.FIRST_RESPONSE))
                .isEqualTo(new DurationStats(1, null, null, 7 * 60.0));
    }
}
