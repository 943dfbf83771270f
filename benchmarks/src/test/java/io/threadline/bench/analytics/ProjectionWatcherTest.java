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

    @Test
    void progressSumsTheAppliedEventsOverTypesAndReadsTheBatchTimer() {
        String scrape = """
                # TYPE threadline_analytics_projected_events_total counter
                threadline_analytics_projected_events_total{type="TicketOpened"} 1200.0
                threadline_analytics_projected_events_total{type="TicketAssigned"} 300.0
                threadline_analytics_projection_batches_seconds_count 7.0
                threadline_analytics_projection_batches_seconds_sum 2.5
                threadline_analytics_projection_batches_seconds_max 0.9
                """;

        ProjectionWatcher.Progress progress = ProjectionWatcher.parse(scrape);

        assertThat(progress).isEqualTo(new ProjectionWatcher.Progress(1500, 7, 2.5));
        assertThat(progress.since(new ProjectionWatcher.Progress(1000, 5, 1.0)))
                .isEqualTo(new ProjectionWatcher.Progress(500, 2, 1.5));
    }

    @Test
    void aServiceWithoutTheBatchTimerReportsNoBatches() {
        ProjectionWatcher.Progress progress = ProjectionWatcher.parse(
                "threadline_analytics_projected_events_total{type=\"TicketOpened\"} 10.0\n");

        assertThat(progress).isEqualTo(new ProjectionWatcher.Progress(10, 0, 0));
    }
}
