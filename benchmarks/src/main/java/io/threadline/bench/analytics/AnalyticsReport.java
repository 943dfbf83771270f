package io.threadline.bench.analytics;

import io.threadline.bench.LatencyReport;
import io.threadline.bench.MachineInfo;
import io.threadline.bench.yardstick.YardstickResult;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** The analytics run as text, and as a Markdown section for docs/benchmarks.md. */
record AnalyticsReport(String runId, Instant startedAt, String command, MachineInfo machine,
                       AnalyticsBenchmark.Phase live, SustainedLoad.Result sustained, AnalyticsBenchmark.Phase seed,
                       Map<String, LatencyReport> queries, LatencyReport allQueries, YardstickResult mongo) {

    void printText(PrintStream out) {
        out.printf(Locale.ROOT, "Analytics run %s at %s on %s%n", runId, startedAt, machine.describe());
        phase(out, live);
        if (sustained != null) {
            out.printf(Locale.ROOT, "  sustained: %s%n", sustainedText());
        }
        if (seed != null) {
            phase(out, seed);
        }
        queries.forEach((shape, latency) -> out.printf(Locale.ROOT, "  query %-45s %s%n", shape, latency.text()));
        out.printf(Locale.ROOT, "  all queries: %s%n", allQueries.text());
        if (mongo != null) {
            out.printf(Locale.ROOT, "  MongoDB insertMany yardstick: %,.0f docs/s (%,d in %.1f s)%s%n", mongo.perSecond(),
                    mongo.written(), mongo.elapsed().toMillis() / 1000.0, mongo.note() == null ? "" : ", " + mongo.note());
        }
    }

    private static void phase(PrintStream out, AnalyticsBenchmark.Phase phase) {
        out.printf(Locale.ROOT, "  %s: %,d events, produced in %.1f s, applied in %.1f s: %,.0f events/s%s; %s%n",
                phase.name(), phase.events(), phase.produce().toMillis() / 1000.0, phase.applied().toMillis() / 1000.0,
                phase.eventsPerSecond(), phase.complete() ? "" : " (NOT all applied before the timeout)",
                work(phase.work(), phase.busy()));
    }

    /** How the service spent the phase: a busy share well under 100 % while behind means it waited on its input. */
    private static String work(ProjectionWatcher.Progress work, double busy) {
        return work.batches() == 0 ? "no batch timings (service without the batch meter)"
                : String.format(Locale.ROOT, "%,d batches of %,.0f events on average, projecting %.0f %% of the time",
                work.batches(), (double) work.applied() / work.batches(), busy * 100);
    }

    private String sustainedText() {
        return String.format(Locale.ROOT, "%,d events at %,d/s, sent in %.1f s (the sender at most %d ms behind its "
                        + "schedule); lag p50 %.2f s, max %.2f s; all applied %.2f s after the last send%s: %s (lag "
                        + "within %d s); %s",
                sustained.events(), sustained.rate(), sustained.sending().toMillis() / 1000.0,
                sustained.publisherLate().toMillis(), sustained.medianLag().toMillis() / 1000.0,
                sustained.maxLag().toMillis() / 1000.0, sustained.drain().toMillis() / 1000.0,
                sustained.complete() ? "" : " (NOT all applied before the timeout)",
                sustained.keptUp() ? "kept up" : "did NOT keep up", SustainedLoad.KEPT_UP_LAG.toSeconds(),
                work(sustained.work(), sustained.busy()));
    }

    void printMarkdown(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "| Run %s, %s | |%n|---|---|%n", runId, startedAt);
        out.printf(Locale.ROOT, "| Command | `%s` |%n", command);
        out.printf(Locale.ROOT, "| Machine | %s |%n", machine.describe());
        markdownPhase(out, live);
        if (sustained != null) {
            out.printf(Locale.ROOT, "| sustained | %s |%n", sustainedText());
        }
        if (seed != null) {
            markdownPhase(out, seed);
        }
        queries.forEach((shape, latency) -> out.printf(Locale.ROOT, "| Query: %s (p50 / p95 / p99 / max) | %s |%n",
                shape, latency.markdownCell()));
        out.printf(Locale.ROOT, "| All queries (p50 / p95 / p99 / max) | %s |%n", allQueries.markdownCell());
        if (mongo != null) {
            out.printf(Locale.ROOT, "| Yardstick: MongoDB insertMany (500 B) | %,.0f docs/s (%,d in %.1f s) |%n",
                    mongo.perSecond(), mongo.written(), mongo.elapsed().toMillis() / 1000.0);
        }
    }

    private static void markdownPhase(PrintStream out, AnalyticsBenchmark.Phase phase) {
        out.printf(Locale.ROOT, "| %s: events applied | %,d in %.1f s = **%,.0f events/s**%s (Kafka took them in %.1f s); %s |%n",
                phase.name(), phase.events(), phase.applied().toMillis() / 1000.0, phase.eventsPerSecond(),
                phase.complete() ? "" : ", NOT all applied", phase.produce().toMillis() / 1000.0,
                work(phase.work(), phase.busy()));
    }
}
