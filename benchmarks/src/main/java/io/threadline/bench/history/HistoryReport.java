package io.threadline.bench.history;

import io.threadline.bench.MachineInfo;
import io.threadline.bench.yardstick.YardstickResult;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The customer-history run as text, and as a Markdown table for docs/benchmarks.md, each figure beside its target.
 * The replay is given twice: the first rebuild of a freshly started instance against the mean of a yardstick that
 * starts on a cold stand-in and one after the rebuilds (as every run before measured it), and a second rebuild in the
 * same, warm instance against the mean of a yardstick run again right after the first (a warm stand-in) and the one
 * after. The target is judged on the warm pair: both sides then run compiled code, as a rebuild asked of a running
 * service and a running database do.
 */
record HistoryReport(String runId, Instant startedAt, String command, MachineInfo machine, double loadAverageAtEnd,
                     ReplayRate.Rebuilds replay, YardstickResult yardstickBefore, YardstickResult yardstickBeforeWarm,
                     YardstickResult yardstickAfter, TimelinePages.Result pages, LiveLag.Result lag,
                     List<String> failures) {

    static final double REPLAY_TARGET = 0.5;
    static final double PAGE_P99_TARGET_MS = 50;
    static final double LAG_P99_TARGET_MS = 200;
    private static final String COLD_RATIO = "Replay / yardstick, cold (first rebuild / mean of cold before and after)";
    private static final String WARM_RATIO = "Replay / yardstick, warm (second rebuild / mean of warm before and after)";
    private static final String YARDSTICKS = "MongoDB insertMany yardstick (500 B), before (cold stand-in) / before "
            + "(warm) / after";

    boolean complete() {
        return failures.isEmpty() && (replay == null || replay.complete()) && (lag == null || lag.missing() == 0);
    }

    /** The yardstick the first (cold) rebuild is set against: the mean of the cold rate before and the rate after. */
    double coldYardstick() {
        return (yardstickBefore.perSecond() + yardstickAfter.perSecond()) / 2;
    }

    /** The yardstick the second (warm) rebuild is set against: the mean of the warm rate before and the rate after. */
    double warmYardstick() {
        return (yardstickBeforeWarm.perSecond() + yardstickAfter.perSecond()) / 2;
    }

    void printText(PrintStream out) {
        out.printf(Locale.ROOT, "History run %s at %s on %s; load average %.2f at the end%n", runId, startedAt,
                machine.describe(), loadAverageAtEnd);
        if (replay != null) {
            printReplay(out, "replay, first rebuild of a fresh instance", replay.cold());
            printReplay(out, "replay, second rebuild in the same instance", replay.warm());
            out.printf(Locale.ROOT, "  %s: %,.0f / %,.0f / %,.0f docs/s%n", YARDSTICKS, yardstickBefore.perSecond(),
                    yardstickBeforeWarm.perSecond(), yardstickAfter.perSecond());
            out.printf(Locale.ROOT, "  %s: %.1f%%%n", COLD_RATIO, coldRatio() * 100);
            out.printf(Locale.ROOT, "  %s: %.1f%% (target >= %.0f%%) %s%n", WARM_RATIO, warmRatio() * 100,
                    REPLAY_TARGET * 100, verdict(warmRatio() >= REPLAY_TARGET));
        }
        if (pages != null) {
            out.printf(Locale.ROOT, "  timeline page of 50, customer with %,d entries: %s (target p99 < %.0f ms) %s%n",
                    pages.entries(), pages.latency().text(), PAGE_P99_TARGET_MS,
                    verdict(pages.latency().p99() < PAGE_P99_TARGET_MS));
        }
        if (lag != null) {
            out.printf(Locale.ROOT, "  live lag at %,d events/s (achieved %,.0f/s) for %d s over %d streams: %s; %,d of "
                            + "%,d entries arrived (target p99 < %.0f ms) %s%n", lag.rate(), lag.achievedRate(),
                    lag.seconds(), lag.customers(), lag.lag().text(), lag.received(), lag.published(), LAG_P99_TARGET_MS,
                    verdict(lag.missing() == 0 && lag.lag().p99() < LAG_P99_TARGET_MS));
        }
        failures.forEach(f -> out.println("  FAILED " + f));
    }

    void printMarkdown(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "| Run %s, %s | measured | target |%n|---|---|---|%n", runId, startedAt);
        out.printf(Locale.ROOT, "| Command | `%s` | |%n", command);
        out.printf(Locale.ROOT, "| Machine | %s; load average %.2f at the end | |%n", machine.describe(), loadAverageAtEnd);
        if (replay != null) {
            markdownReplay(out, "first rebuild of a fresh instance", replay.cold());
            markdownReplay(out, "second rebuild in the same instance", replay.warm());
            out.printf(Locale.ROOT, "| %s | %,.0f / %,.0f / %,.0f docs/s | |%n", YARDSTICKS, yardstickBefore.perSecond(),
                    yardstickBeforeWarm.perSecond(), yardstickAfter.perSecond());
            out.printf(Locale.ROOT, "| %s | %.1f%% | |%n", COLD_RATIO, coldRatio() * 100);
            out.printf(Locale.ROOT, "| %s | **%.1f%%** | ≥ %.0f%% %s |%n", WARM_RATIO, warmRatio() * 100,
                    REPLAY_TARGET * 100, verdict(warmRatio() >= REPLAY_TARGET));
        }
        if (pages != null) {
            out.printf(Locale.ROOT, "| Timeline page of 50, %,d entries (p50 / p95 / p99 / max) | %s | p99 < %.0f ms %s |%n",
                    pages.entries(), pages.latency().markdownCell(), PAGE_P99_TARGET_MS,
                    verdict(pages.latency().p99() < PAGE_P99_TARGET_MS));
        }
        if (lag != null) {
            out.printf(Locale.ROOT, "| Live lag at %,d events/s (achieved %,.0f/s), %d s, %d streams (p50 / p95 / p99 / max) "
                            + "| %s, %,d of %,d arrived | p99 < %.0f ms %s |%n", lag.rate(), lag.achievedRate(),
                    lag.seconds(), lag.customers(), lag.lag().markdownCell(), lag.received(), lag.published(),
                    LAG_P99_TARGET_MS, verdict(lag.missing() == 0 && lag.lag().p99() < LAG_P99_TARGET_MS));
        }
        failures.forEach(f -> out.printf(Locale.ROOT, "| FAILED | %s | |%n", f));
    }

    private static void printReplay(PrintStream out, String which, ReplayRate.Result r) {
        out.printf(Locale.ROOT, "  %s: %,d events over %,d customers in %.1f s = %,.0f events/s (service's own figure "
                        + "%,.0f/s), %s; %,d of %,d entries%n", which, r.events(), r.customers(),
                r.elapsed().toMillis() / 1000.0, r.eventsPerSecond(), r.serviceEventsPerSecond(), r.state(), r.entries(),
                r.expectedEntries());
    }

    private static void markdownReplay(PrintStream out, String which, ReplayRate.Result r) {
        out.printf(Locale.ROOT, "| Replay, %s: %,d events over %,d customers (pages of %,d, batches of %,d) | %,.0f "
                        + "events/s (%.1f s, %s, %,d of %,d entries) | |%n", which, r.events(), r.customers(), r.pageSize(),
                r.batchSize(), r.eventsPerSecond(), r.elapsed().toMillis() / 1000.0, r.state(), r.entries(),
                r.expectedEntries());
    }

    private double coldRatio() {
        return replay.cold().eventsPerSecond() / Math.max(coldYardstick(), 1e-9);
    }

    private double warmRatio() {
        return replay.warm().eventsPerSecond() / Math.max(warmYardstick(), 1e-9);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }
}
