package io.threadline.bench.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionWatcherTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void pollsEverySecondWhileTheEndIsFarThenEvery100Ms() {
        // 4,000 applied in 1 s: 40,000 to go is 10 s away.
        assertThat(ProjectionWatcher.pause(40_000, 4_000, SECOND)).isEqualTo(1000);
        // 1.5 s away: wake up a second before.
        assertThat(ProjectionWatcher.pause(6_000, 4_000, SECOND)).isEqualTo(500);
        // Under a second away, or no pace known yet: the near-end poll.
        assertThat(ProjectionWatcher.pause(2_000, 4_000, SECOND)).isEqualTo(100);
        assertThat(ProjectionWatcher.pause(2_000, 0, SECOND)).isEqualTo(100);
    }
}
