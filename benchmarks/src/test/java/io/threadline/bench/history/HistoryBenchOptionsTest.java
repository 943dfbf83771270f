package io.threadline.bench.history;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HistoryBenchOptionsTest {

    @Test
    void noArgumentsMeanTheTargetsOfTheIssueOnTheLocalStack() {
        HistoryBenchOptions options = HistoryBenchOptions.parse(List.of());
        assertThat(options.history()).isEqualTo(URI.create("http://localhost:8082"));
        assertThat(options.events()).isEqualTo(1_000_000);
        assertThat(options.customers()).isEqualTo(50_000);
        assertThat(options.timelineEntries()).isEqualTo(10_000);
        assertThat(options.lagRate()).isEqualTo(1000);
        assertThat(options.markdown()).isFalse();
    }

    @Test
    void optionsOverrideTheDefaultsAndZeroSkipsAPhase() {
        HistoryBenchOptions options = HistoryBenchOptions.parse(List.of("--events", "100_000", "--customers", "5000",
                "--lag-seconds", "0", "--history", "http://host:9/", "--markdown"));
        assertThat(options.events()).isEqualTo(100_000);
        assertThat(options.customers()).isEqualTo(5000);
        assertThat(options.lagSeconds()).isZero();
        assertThat(options.history()).isEqualTo(URI.create("http://host:9"));
        assertThat(options.markdown()).isTrue();
    }

    @Test
    void mistakesNameTheOption() {
        assertThatIllegalArgumentException().isThrownBy(() -> HistoryBenchOptions.parse(List.of("--evnts", "5")))
                .withMessageContaining("--evnts");
        assertThatIllegalArgumentException().isThrownBy(() -> HistoryBenchOptions.parse(List.of("--events")))
                .withMessageContaining("--events");
        assertThatIllegalArgumentException().isThrownBy(() -> HistoryBenchOptions.parse(List.of("--lag-rate", "0")))
                .withMessageContaining("--lag-rate");
        assertThatIllegalArgumentException().isThrownBy(() -> HistoryBenchOptions.parse(
                List.of("--events", "10", "--customers", "6"))).withMessageContaining("--events");
    }
}
