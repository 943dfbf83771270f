package io.threadline.bench;

import io.threadline.bench.e2e.DeliveredMessage;
import io.threadline.bench.e2e.EndToEndLatency;
import io.threadline.bench.e2e.EndToEndResult;
import io.threadline.bench.load.LoadResult;
import io.threadline.bench.yardstick.YardstickResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkReportTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final MachineInfo MACHINE = new MachineInfo(2, 8L << 30, 0.5, 1L << 30, "17.0.15", "OpenJDK", "Linux");

    @Test
    void aCompleteRunSucceedsAndShowsEveryFigure() {
        BenchmarkReport report = report(load(0), endToEnd(4, 4, false));

        String text = print(report::printText);
        String markdown = print(report::printMarkdown);

        assertThat(report.succeeded()).isTrue();
        assertThat(text).contains(
                "Kafka produce        1,000 x 500 B in 0.5 s: 2,000/s, 1.0 MB/s",
                "sent 4: accepted 4 (0 duplicates), rejected 0 {}, errors 0, in 2.0 s",
                "throughput      2 accepted msgs/s",
                "accept latency  p50 10.0 ms",
                "visible 4 of 4 accepted, missing 0 (0 customers incomplete)",
                "latency         p50 200 ms  p95 400 ms  p99 400 ms  max 400 ms  (4 samples)",
                "drained         0.4 s after the last accept (by recordedAt); seen by polling after 0.6 s",
                "Result: every message accepted and visible on its timeline.");
        assertThat(markdown).contains(
                "- Command: `java -jar benchmarks/target/benchmarks.jar --messages 4`",
                "| Yardstick: Kafka produce, 500 B each | 2,000/s, 1.0 MB/s (1,000 in 0.5 s) |",
                "| End-to-end latency p50 / p95 / p99 / max | 200 / 400 / 400 / 400 ms |",
                "| Not accepted / missing / duplicated / misplaced | 0 / 0 / 0 / 0 |");
    }

    @Test
    void failuresAndATimeoutMakeTheRunFail() {
        BenchmarkReport report = report(load(1), endToEnd(3, 2, true));

        String text = print(report::printText);

        assertThat(report.succeeded()).isFalse();
        assertThat(text).contains(
                "rejected 1 {503=1}",
                "failure: message 3: HTTP 503",
                "missing 1 (1 customers incomplete, gave up after 300.0 s)",
                "not drained within 300.0 s",
                "Result: FAILED: 1 not accepted, 1 missing, 0 duplicated, 0 misplaced.");
    }

    @Test
    void anIngestOnlyRunReportsTheLoadBesideTheKafkaYardstick() {
        BenchmarkReport report = report(load(0), null);

        String text = print(report::printText);
        String markdown = print(report::printMarkdown);

        assertThat(report.succeeded()).isTrue();
        assertThat(text).contains("Kafka produce        1,000 x 500 B in 0.5 s: 2,000/s",
                "throughput      2 accepted msgs/s",
                "Result: every message accepted (end to end not measured: --ingest-only).")
                .doesNotContain("End to end");
        assertThat(markdown).contains("| Not accepted / duplicates answered | 0 / 0 |").doesNotContain("End-to-end");
        assertThat(report(load(1), null).succeeded()).isFalse();
    }

    private static BenchmarkReport report(LoadResult load, EndToEndResult endToEnd) {
        YardstickResult kafka = new YardstickResult("Kafka produce", 1000, 1000, 0, 500, Duration.ofMillis(500), null);
        return new BenchmarkReport("01234567", T0, "java -jar benchmarks/target/benchmarks.jar --messages 4", MACHINE,
                BenchmarkOptions.parse("--messages", "4"), List.of(kafka), load, endToEnd);
    }

    private static LoadResult load(int rejected) {
        Histogram micros = new Histogram(3);
        for (int i = 0; i < 4 - rejected; i++) {
            micros.recordValue(10_000);
        }
        BitSet accepted = new BitSet();
        accepted.set(0, 4 - rejected);
        return new LoadResult(4, 4 - rejected, 0, rejected, rejected == 0 ? Map.of() : Map.of(503, 1), 0,
                rejected == 0 ? List.of() : List.of("message 3: HTTP 503 {\"title\":\"Kafka unavailable\"}"),
                accepted, micros, Duration.ofSeconds(2), T0.plusSeconds(2));
    }

    private static EndToEndResult endToEnd(int expected, int visible, boolean timedOut) {
        EndToEndLatency latency = new EndToEndLatency();
        for (int i = 0; i < visible; i++) {
            Instant accepted = T0.plusMillis(100L * i);
            latency.add(new DeliveredMessage(i, "e-" + i, accepted, accepted.plusMillis(100L * (i + 1))));
        }
        return new EndToEndResult(expected, visible, expected - visible, 0, 0, 0, timedOut,
                timedOut ? null : Duration.ofMillis(600), 0, List.of(), latency);
    }

    private static String print(java.util.function.Consumer<PrintStream> printer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printer.accept(new PrintStream(bytes, true));
        return bytes.toString();
    }
}
