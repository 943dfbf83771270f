package io.threadline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.bench.analytics.AnalyticsBenchmark;
import io.threadline.bench.e2e.EndToEndResult;
import io.threadline.bench.e2e.TimelineWatcher;
import io.threadline.bench.history.HistoryBenchmark;
import io.threadline.bench.load.IngestLoad;
import io.threadline.bench.load.LoadPlan;
import io.threadline.bench.load.LoadResult;
import io.threadline.bench.yardstick.KafkaYardstick;
import io.threadline.bench.yardstick.MongoYardstick;
import io.threadline.bench.yardstick.YardstickResult;
import io.threadline.contracts.ContractJson;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures a running stack in four phases: a raw Kafka yardstick, a closed-loop load on the integrator API, the
 * wait for every message on its customer's timeline, then a raw MongoDB yardstick. Progress goes to stderr, the
 * report to stdout. With {@code --ingest-only} only the yardstick of Kafka and the load run. Exit status: 0 all well, 1 a message failed or went missing, 2 bad options, 3 the stack
 * could not be measured.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream progress) throws InterruptedException {
        if (args.length > 0 && "analytics".equals(args[0])) {
            return AnalyticsBenchmark.run(List.of(args).subList(1, args.length), out, progress);
        }
        if (args.length > 0 && "history".equals(args[0])) {
            return HistoryBenchmark.run(List.of(args).subList(1, args.length), out, progress);
        }
        if (BenchmarkOptions.wantsHelp(args)) {
            out.print(BenchmarkOptions.USAGE);
            return 0;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            progress.println("benchmarks: " + e.getMessage());
            progress.println("Run with --help for the options.");
            return 2;
        }
        try {
            BenchmarkReport report = measure(options, args, progress);
            report.printText(out);
            if (options.markdown()) {
                report.printMarkdown(out);
            }
            return report.succeeded() ? 0 : 1;
        } catch (IllegalStateException e) {
            progress.println("benchmarks: " + e.getMessage());
            return 3;
        }
    }

    private static BenchmarkReport measure(BenchmarkOptions options, String[] args, PrintStream progress)
            throws InterruptedException {
        StackProbe probe = new StackProbe();
        probe.requireReady("channel-gateway", options.gateway());
        if (!options.ingestOnly()) {
            probe.requireReady("customer-history-service", options.history());
        }

        Instant startedAt = Instant.now();
        MachineInfo machine = MachineInfo.current();
        LoadPlan plan = new LoadPlan(LoadPlan.newRunId(startedAt), options.customers(), options.messages(),
                options.channels());
        ObjectMapper json = ContractJson.newMapper();
        progress.println("Run " + plan.runId() + " on " + machine.describe());

        List<YardstickResult> yardsticks = new ArrayList<>();
        boolean yardsticksOn = options.yardstickRecords() > 0;
        if (yardsticksOn) {
            progress.printf(Locale.ROOT, "[1/4] Kafka yardstick: %,d records of %d B to %s%n",
                    options.yardstickRecords(), KafkaYardstick.RECORD_BYTES, KafkaYardstick.TOPIC);
            yardsticks.add(new KafkaYardstick(options.kafkaBootstrapServers()).run(options.yardstickRecords()));
        } else {
            progress.println("[1/4] Kafka yardstick skipped");
        }

        progress.printf(Locale.ROOT, "[2/4] Load: %,d messages from %,d customers, %d in flight%n",
                options.messages(), options.customers(), options.concurrency());
        LoadResult load = new IngestLoad(options.gateway(), options.apiKey(), options.concurrency(), json, progress)
                .run(plan);

        EndToEndResult endToEnd = null;
        if (options.ingestOnly()) {
            progress.println("[3/4] End to end skipped (--ingest-only)");
        } else {
            progress.printf(Locale.ROOT, "[3/4] End to end: waiting up to %d s for %,d messages on the timelines%n",
                    options.timeout().toSeconds(), load.acceptedMessages().cardinality());
            endToEnd = new TimelineWatcher(options.history(), json, progress)
                    .await(plan, load.acceptedMessages(), load.lastAnswerAt(), options.timeout());
        }

        // Last, not first: on the MongoDB stand-in every insert stays in the oplog, which ticket-service's
        // change-stream relay scans whole on each read, so inserting first would slow the system measured after.
        if (yardsticksOn && !options.ingestOnly()) {
            progress.printf(Locale.ROOT, "[4/4] MongoDB yardstick: up to %,d documents into %s.%s (%d s budget)%n",
                    options.yardstickRecords(), MongoYardstick.DATABASE, MongoYardstick.COLLECTION,
                    MongoYardstick.TIME_BUDGET.toSeconds());
            yardsticks.add(new MongoYardstick(options.mongoConnectionString()).run(options.yardstickRecords()));
        } else {
            progress.println("[4/4] MongoDB yardstick skipped");
        }

        String command = "java -jar benchmarks/target/benchmarks.jar" + (args.length == 0 ? "" : " " + String.join(" ", args));
        return new BenchmarkReport(plan.runId(), startedAt, command, machine, options, yardsticks, load, endToEnd);
    }
}
