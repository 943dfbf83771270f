package io.threadline.analytics.window;

import io.threadline.servicekit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWindowParserTest {

    private static final Instant NOW = Instant.parse("2026-11-22T14:00:00Z");

    private final ReportWindowParser parser = new ReportWindowParser(new ReportWindowParser.Settings(
            ZoneId.of("Europe/Berlin"), Duration.ofDays(7), Duration.ofDays(31), Duration.ofDays(7)));

    @Test
    void defaultsComeFromTheConfiguration() {
        assertThat(parser.parse(null, "", " ", null, NOW)).isEqualTo(new ReportWindow(
                Instant.parse("2026-11-15T14:00:00Z"), NOW, ZoneId.of("Europe/Berlin"), Interval.DAY));
    }

    @Test
    void aMissingFromReachesBackTheDefaultRangeFromTheGivenTo() {
        assertThat(parser.parse(null, "2026-01-08T00:00:00Z", null, "hour", NOW).from())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void anOffsetWhosePlusWasDecodedToASpaceStillParses() {
        assertThat(parser.parse("2026-11-01T00:00:00 01:00", "2026-11-02T00:00:00Z", null, null, NOW).from())
                .isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    }

    @Test
    void theMaximumRangeIsConfigurable() {
        assertThat(parser.parse("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", null, null, NOW).to())
                .isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThatThrownBy(() -> parser.parse("2026-01-01T00:00:00Z", "2026-02-01T00:00:01Z", null, null, NOW))
                .isInstanceOf(ProblemException.class)
                .hasMessage("from: must be at most 31 days before to (2026-02-01T00:15:00Z)");
    }

    @Test
    void theWindowWidensToWholeQuarterHours() {
        assertThat(parser.parse("2026-01-01T10:07:00Z", "2026-01-01T11:00:00.001Z", null, null, NOW))
                .extracting(ReportWindow::from, ReportWindow::to)
                .containsExactly(Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T11:15:00Z"));
    }

    @Test
    void hourBucketsCoverAtMostTheHourlyRange() {
        assertThat(parser.parse("2026-01-01T00:00:00Z", "2026-01-08T00:00:00Z", null, "hour", NOW).interval())
                .isEqualTo(Interval.HOUR);
        assertThatThrownBy(() -> parser.parse("2026-01-01T00:00:00Z", "2026-01-08T00:15:00Z", null, "hour", NOW))
                .isInstanceOf(ProblemException.class)
                .hasMessageStartingWith("interval: hour buckets cover at most 7 days");
    }

    @Test
    void aZoneThatLeftQuarterHourOffsetsInsideTheWindowIsRejected() {
        // Liberia kept UTC-00:44:30 until 1972-01-07, then moved to UTC.
        assertThatThrownBy(() -> parser.parse("1972-01-01T00:00:00Z", "1972-01-20T00:00:00Z", "Africa/Monrovia",
                null, NOW))
                .isInstanceOf(ProblemException.class)
                .hasMessageStartingWith("zone: ");
        assertThat(parser.parse("1972-01-08T00:00:00Z", "1972-01-20T00:00:00Z", "Africa/Monrovia", null, NOW).zone())
                .isEqualTo(ZoneId.of("Africa/Monrovia"));
    }
}
