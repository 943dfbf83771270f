package io.threadline.bench.analytics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyticsBenchOptionsTest {

    @Test
    void theSeedPartsSliceTheYearsTicketsWithoutGapOrOverlap() {
        // 1,000 tickets in 3 parts: 0-332, 333-665, 666-999.
        AnalyticsBenchOptions first = AnalyticsBenchOptions.parse(List.of("--tickets", "1000", "--seed-part", "1/3"));
        AnalyticsBenchOptions second = AnalyticsBenchOptions.parse(List.of("--tickets", "1000", "--seed-part", "2/3"));
        AnalyticsBenchOptions last = AnalyticsBenchOptions.parse(List.of("--tickets", "1000", "--seed-part", "3/3"));

        assertThat(first.firstSeededTicket()).isZero();
        assertThat(first.endOfSeededTickets()).isEqualTo(333).isEqualTo(second.firstSeededTicket());
        assertThat(second.endOfSeededTickets()).isEqualTo(666).isEqualTo(last.firstSeededTicket());
        assertThat(last.endOfSeededTickets()).isEqualTo(1000);
    }

    @Test
    void theWholeYearIsSeededByDefault() {
        AnalyticsBenchOptions options = AnalyticsBenchOptions.parse(List.of("--tickets", "50000"));

        assertThat(options.firstSeededTicket()).isZero();
        assertThat(options.endOfSeededTickets()).isEqualTo(50_000);
    }

    @Test
    void aSeedPartOutsideItsPartsIsRefused() {
        assertThatThrownBy(() -> AnalyticsBenchOptions.parse(List.of("--seed-part", "4/3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seed-part");
        assertThatThrownBy(() -> AnalyticsBenchOptions.parse(List.of("--seed-part", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seed-part");
        assertThatThrownBy(() -> AnalyticsBenchOptions.parse(List.of("--seed-part", "0/3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seed-part");
    }

    @Test
    void theSustainedPhaseRunsAMinuteAtFiveThousandByDefaultAndZeroSecondsSkipIt() {
        AnalyticsBenchOptions defaults = AnalyticsBenchOptions.parse(List.of());
        AnalyticsBenchOptions skipped = AnalyticsBenchOptions.parse(List.of("--sustained-seconds", "0"));
        AnalyticsBenchOptions faster = AnalyticsBenchOptions.parse(List.of("--sustained-rate", "8_000"));

        assertThat(defaults.sustainedRate()).isEqualTo(5_000);
        assertThat(defaults.sustainedSeconds()).isEqualTo(60);
        assertThat(skipped.sustainedSeconds()).isZero();
        assertThat(faster.sustainedRate()).isEqualTo(8_000);
        assertThatThrownBy(() -> AnalyticsBenchOptions.parse(List.of("--sustained-rate", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--sustained-rate");
    }
}
