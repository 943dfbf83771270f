package io.threadline.bench.analytics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SustainedLoadTest {

    private static final ProjectionWatcher.Progress WORK = new ProjectionWatcher.Progress(300_000, 90, 30.0);

    @Test
    void keepsUpWhenNeitherAReadingNorTheDrainWaitsMoreThanFiveSeconds() {
        SustainedLoad.Result steady = result(List.of(seconds(0.4), seconds(1.2), seconds(0.8)), seconds(0.9), true);

        assertThat(steady.keptUp()).isTrue();
        assertThat(steady.medianLag()).isEqualTo(seconds(0.8));
        assertThat(steady.maxLag()).isEqualTo(seconds(1.2));
        // From the first send to all applied in 60 s, 30 s of it projecting.
        assertThat(steady.busy()).isEqualTo(0.5);
    }

    @Test
    void fallsBehindWhenAReadingOrTheDrainWaitsLonger() {
        assertThat(result(List.of(seconds(0.4), seconds(5.5)), seconds(0.9), true).keptUp()).isFalse();
        assertThat(result(List.of(seconds(0.4)), seconds(6), true).keptUp()).isFalse();
        assertThat(result(List.of(seconds(0.4)), seconds(0.9), false).keptUp()).isFalse();
    }

    private static SustainedLoad.Result result(List<Duration> lags, Duration drain, boolean complete) {
        return new SustainedLoad.Result(300_000, 5_000, seconds(59.9), Duration.ofMillis(3), lags, drain, WORK,
                seconds(60), complete);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
