package io.threadline.bench;

import io.threadline.bench.e2e.EndToEndLatency;
import io.threadline.bench.e2e.EndToEndResult;
import io.threadline.bench.load.LoadResult;
import io.threadline.bench.yardstick.YardstickResult;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Everything one run measured, as a plain-text report and as a Markdown section for docs/benchmarks.md.
 * {@code endToEnd} is null for an {@code --ingest-only} run.
 */
public record BenchmarkReport(
        String runId,
        Instant startedAt,
        String command,
        MachineInfo machine,
        BenchmarkOptions options,
        List<YardstickResult> yardsticks,
        LoadResult load,
        EndToEndResult endToEnd) {

    /** False when a message was not accepted, never arrived, or arrived twice or on the wrong timeline. */
    public boolean succeeded() {
        return load.failed() == 0 && (endToEnd == null || endToEnd.missing() == 0 && endToEnd.duplicateEntries() == 0
                && endToEnd.misplacedEntries() == 0);
    }

    public void printText(PrintStream out) {
        LatencyReport accept = LatencyReport.of(load.acceptLatencyMicros(), 1000);
        out.println();
        out.println("Threadline benchmark, run " + runId + ", started " + startedAt);
        out.println("Machine     " + machine.describe());
        out.println("Parameters  " + parameters());
        out.println("            gateway " + options.gateway() + ", history " + options.history() + ", Kafka "
                + options.kafkaBootstrapServers() + ", MongoDB " + options.mongoConnectionString());
        out.println();
        out.println("Yardsticks: raw clients against the same Kafka and MongoDB");
        if (yardsticks.isEmpty()) {
            out.println("  skipped (--yardstick-records 0)");
        }
        for (YardstickResult yardstick : yardsticks) {
            out.printf(Locale.ROOT, "  %-20s %,d x %d B in %s: %,.0f/s, %.1f MB/s%s%n", yardstick.name(),
                    yardstick.written(), yardstick.bytesPerRecord(), seconds(yardstick.elapsed()),
                    yardstick.perSecond(), yardstick.megabytesPerSecond(),
                    yardstick.note() == null ? "" : " (" + yardstick.note() + ")");
        }
        out.println();
        out.println("Integrator API: POST /api/v1/inbound/messages, " + options.concurrency() + " in flight");
        out.printf(Locale.ROOT, "  sent %,d: accepted %,d (%d duplicates), rejected %d %s, errors %d, in %s%n",
                load.sent(), load.accepted(), load.duplicates(), load.rejected(), load.rejectedByStatus(),
                load.errors(), seconds(load.elapsed()));
        out.printf(Locale.ROOT, "  throughput      %,.0f accepted msgs/s%n", load.acceptedPerSecond());
        out.println("  accept latency  " + accept.text());
        load.failureSamples().forEach(sample -> out.println("  failure: " + sample));
        out.println();
        if (endToEnd == null) {
            out.println(succeeded() ? "Result: every message accepted (end to end not measured: --ingest-only)."
                    : String.format(Locale.ROOT, "Result: FAILED: %d not accepted.", load.failed()));
            return;
        }
        printEndToEndText(out);
    }

    private void printEndToEndText(PrintStream out) {
        LatencyReport e2e = LatencyReport.of(endToEnd.latency().millis(), 1);
        out.println("End to end: gateway accept -> entry stored by customer-history-service (recordedAt - acceptedAt)");
        out.printf(Locale.ROOT, "  visible %,d of %,d accepted, missing %,d (%d customers incomplete%s)%n",
                endToEnd.visible(), endToEnd.expected(), endToEnd.missing(), endToEnd.customersIncomplete(),
                endToEnd.timedOut() ? ", gave up after " + seconds(options.timeout()) : "");
        out.println("  latency         " + e2e.text());
        out.printf(Locale.ROOT, "  throughput      %,.0f msgs/s (first accept to last entry recorded)%n",
                endToEnd.latency().throughputPerSecond());
        out.println("  drained         " + drained()
                + (endToEnd.observedDrain() == null ? "" : "; seen by polling after "
                + seconds(endToEnd.observedDrain())));
        out.println("  stored          25% / 50% / 75% / 100% by " + recordedBy() + " after the first accept");
        out.printf("  anomalies       %d duplicate entries, %d on the wrong timeline, %d foreign, %d without "
                        + "timestamps, %d poll errors%n", endToEnd.duplicateEntries(), endToEnd.misplacedEntries(),
                endToEnd.foreignEntries(), endToEnd.latency().withoutTimes(), endToEnd.pollErrors());
        endToEnd.pollErrorSamples().forEach(sample -> out.println("  poll error: " + sample));
        out.println();
        out.println(succeeded() ? "Result: every message accepted and visible on its timeline."
                : String.format(Locale.ROOT, "Result: FAILED: %d not accepted, %d missing, %d duplicated, %d misplaced.",
                load.failed(), endToEnd.missing(), endToEnd.duplicateEntries(), endToEnd.misplacedEntries()));
    }

    public void printMarkdown(PrintStream out) {
        LatencyReport accept = LatencyReport.of(load.acceptLatencyMicros(), 1000);
        out.println();
        out.println("### Run " + runId + ": " + parameters());
        out.println();
        out.println("- Command: `" + command + "`");
        out.println("- Started: " + startedAt);
        out.println("- Machine: " + machine.describe());
        out.println();
        out.println("| Measure | Result |");
        out.println("|---|---|");
        for (YardstickResult yardstick : yardsticks) {
            out.printf(Locale.ROOT, "| Yardstick: %s, %d B each | %,.0f/s, %.1f MB/s (%,d in %s)%s |%n",
                    yardstick.name(), yardstick.bytesPerRecord(), yardstick.perSecond(), yardstick.megabytesPerSecond(),
                    yardstick.written(), seconds(yardstick.elapsed()),
                    yardstick.note() == null ? "" : "; " + yardstick.note());
        }
        out.printf(Locale.ROOT, "| Gateway accepted (integrator API, %d in flight) | %,.0f msgs/s (%,d of %,d in %s) |%n",
                options.concurrency(), load.acceptedPerSecond(), load.accepted(), load.sent(), seconds(load.elapsed()));
        out.println("| Accept latency p50 / p95 / p99 / max | " + accept.markdownCell() + " |");
        if (endToEnd == null) {
            out.printf(Locale.ROOT, "| Not accepted / duplicates answered | %d / %d |%n", load.failed(), load.duplicates());
            return;
        }
        LatencyReport e2e = LatencyReport.of(endToEnd.latency().millis(), 1);
        out.println("| End-to-end latency p50 / p95 / p99 / max | " + e2e.markdownCell() + " |");
        out.printf(Locale.ROOT, "| End-to-end throughput | %,.0f msgs/s |%n", endToEnd.latency().throughputPerSecond());
        out.println("| Drained after the last accept | " + drained() + " |");
        out.println("| Stored 25% / 50% / 75% / 100% of the visible messages | " + recordedBy()
                + " after the first accept |");
        out.printf(Locale.ROOT, "| Not accepted / missing / duplicated / misplaced | %d / %d / %d / %d |%n",
                load.failed(), endToEnd.missing(), endToEnd.duplicateEntries(), endToEnd.misplacedEntries());
    }

    /** Only a complete run drained; after a timeout the last stored entry says how far it got. */
    private String drained() {
        String lastEntry = seconds(endToEnd.latency().drainAfterLastAccept());
        return endToEnd.timedOut()
                ? "not drained within " + seconds(options.timeout()) + " (last visible entry stored " + lastEntry
                + " after the last accept)"
                : lastEntry + " after the last accept (by recordedAt)";
    }

    private String recordedBy() {
        EndToEndLatency latency = endToEnd.latency();
        return seconds(latency.recordedBy(0.25)) + " / " + seconds(latency.recordedBy(0.5)) + " / "
                + seconds(latency.recordedBy(0.75)) + " / " + seconds(latency.recordedBy(1));
    }

    private String parameters() {
        return String.format(Locale.ROOT, "%,d customers, %,d messages, concurrency %d, channels %s",
                options.customers(), options.messages(), options.concurrency(), String.join(",", options.channels()));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
    }
}
