package io.threadline.bench.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.bench.MachineInfo;
import io.threadline.bench.yardstick.MongoYardstick;
import io.threadline.bench.yardstick.YardstickResult;
import io.threadline.contracts.ContractJson;
import io.threadline.localstack.auth.DevTokens;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code benchmarks.jar history}: measures customer-history-service on a running stack against the targets of its
 * issue: (1) a rebuild from the replay source at 50% or more of the raw MongoDB insertMany rate measured in the same
 * run (before and after the rebuilds): the first rebuild of a fresh instance against a yardstick that starts cold, and
 * a second rebuild in the same, warm instance against a yardstick that starts warm; (2) a 50-entry timeline page of a
 * customer with 10,000 entries in under 50 ms at p99; (3) an event on {@code ticket.events} visible on the timeline in under 200 ms at p99 at 1,000 events/s.
 */
public final class HistoryBenchmark {

    static final int PAGE_SIZE = 1000;
    static final int BATCH_SIZE = 5_000;

    private HistoryBenchmark() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream progress) throws InterruptedException {
        if (args.contains("--help")) {
            out.print(HistoryBenchOptions.USAGE);
            return 0;
        }
        HistoryBenchOptions options;
        try {
            options = HistoryBenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            progress.println("benchmarks history: " + e.getMessage());
            return 2;
        }
        try {
            return measure(options, args, out, progress);
        } catch (IllegalStateException e) {
            progress.println("benchmarks history: " + e.getMessage());
            return 3;
        }
    }

    private static int measure(HistoryBenchOptions options, List<String> args, PrintStream out, PrintStream progress)
            throws InterruptedException {
        ObjectMapper json = ContractJson.newMapper();
        Instant startedAt = Instant.now();
        String runId = String.valueOf(startedAt.getEpochSecond() % 100_000_000);
        MachineInfo machine = MachineInfo.current();
        SyntheticEvents events = new SyntheticEvents(json);
        HistoryHttp http = new HistoryHttp(options.history(), DevTokens.forRoleInRepository("agent", "bench"), json);
        requireReady(http);
        progress.println("Run " + runId + " on " + machine.describe());
        Instant historyStart = startedAt.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3 * 365));

        List<String> failures = new ArrayList<>();
        ReplayRate.Rebuilds replay = null;
        YardstickResult before = null;
        YardstickResult beforeWarm = null;
        YardstickResult after = null;
        if (options.events() > 0) {
            try {
                progress.printf(Locale.ROOT, "[1/3] Replay: generating %,d events over %,d customers%n", options.events(),
                        options.customers());
                ReplayCorpus corpus = ReplayCorpus.generate(runId, options.events(), options.customers(), historyStart,
                        json, progress);
                // Generating leaves this process collecting garbage for seconds, which would slow the yardstick
                // down (both share the machine): collect it now, before anything is timed.
                System.gc();
                progress.printf(Locale.ROOT, "      MongoDB yardstick before: up to %,d documents, twice%n",
                        options.yardstickRecords());
                // The first meets a stand-in that has not compiled its insert path yet, the second a warm one: the
                // warm rebuild is set against the second, as the cold one against the first (as in earlier runs).
                before = new MongoYardstick(options.mongo()).run(options.yardstickRecords());
                beforeWarm = new MongoYardstick(options.mongo()).run(options.yardstickRecords());
                ReplayRate.Rebuilds replayed = new ReplayRate(options, json, progress)
                        .run(corpus, PAGE_SIZE, BATCH_SIZE);
                progress.printf(Locale.ROOT, "      MongoDB yardstick after: up to %,d documents%n", options.yardstickRecords());
                after = new MongoYardstick(options.mongo()).run(options.yardstickRecords());
                replay = replayed;
            } catch (IllegalStateException e) {
                failures.add("replay: " + e.getMessage());
            }
        } else {
            progress.println("[1/3] Replay skipped");
        }

        TimelinePages.Result pages = null;
        if (options.timelineEntries() > 0) {
            progress.printf(Locale.ROOT, "[2/3] Timeline pages: seeding %,d entries of one customer%n",
                    options.timelineEntries());
            try {
                pages = new TimelinePages(http, events, options.kafka(), progress)
                        .run(runId, options.timelineEntries(), options.pageRequests(), historyStart);
            } catch (IllegalStateException e) {
                failures.add("timeline pages: " + e.getMessage());
            }
        } else {
            progress.println("[2/3] Timeline pages skipped");
        }

        LiveLag.Result lag = null;
        if (options.lagSeconds() > 0) {
            progress.printf(Locale.ROOT, "[3/3] Live lag: %,d events/s for %d s over %d customers%n", options.lagRate(),
                    options.lagSeconds(), options.lagCustomers());
            try {
                lag = new LiveLag(http, events, options.kafka(), progress)
                        .run(runId, options.lagRate(), options.lagSeconds(), options.lagCustomers());
            } catch (IllegalStateException e) {
                failures.add("live lag: " + e.getMessage());
            }
        } else {
            progress.println("[3/3] Live lag skipped");
        }

        HistoryReport report = new HistoryReport(runId, startedAt, "./threadline bench history " + String.join(" ", args),
                machine, MachineInfo.current().loadAverage(), replay, before, beforeWarm, after, pages, lag, failures);
        report.printText(out);
        if (options.markdown()) {
            report.printMarkdown(out);
        }
        return report.complete() ? 0 : 1;
    }

    private static void requireReady(HistoryHttp http) throws InterruptedException {
        try {
            if (http.get("/q/health/ready").statusCode() == 200) {
                return;
            }
        } catch (IllegalStateException e) {
            // Reported below.
        }
        throw new IllegalStateException("customer-history-service is not ready at " + http.base()
                + ": start the stack with ./threadline up, or pass --history");
    }
}
