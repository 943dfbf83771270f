package io.threadline.bench.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.bench.LatencyReport;
import io.threadline.bench.MachineInfo;
import io.threadline.bench.yardstick.MongoYardstick;
import io.threadline.bench.yardstick.YardstickResult;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.IntegrationEvent;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code benchmarks.jar analytics}: measures analytics-service on a running stack. (1) Live: publishes ticket
 * events of the last hours to {@code ticket.events} as fast as Kafka takes them and times until the service has
 * applied them all (its projection meter). (2) Seed: a year of history for {@code --tickets} tickets, the same way.
 * (3) Queries: each KPI shape over that year, one request at a time. (4) The raw MongoDB insert yardstick.
 */
public final class AnalyticsBenchmark {

    private static final Duration PROJECTION_TIMEOUT = Duration.ofHours(3);

    private AnalyticsBenchmark() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream progress) throws InterruptedException {
        if (args.contains("--help")) {
            out.print(AnalyticsBenchOptions.USAGE);
            return 0;
        }
        AnalyticsBenchOptions options;
        try {
            options = AnalyticsBenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            progress.println("benchmarks analytics: " + e.getMessage());
            return 2;
        }
        try {
            return measure(options, args, out, progress);
        } catch (IllegalStateException e) {
            progress.println("benchmarks analytics: " + e.getMessage());
            return 3;
        }
    }

    private static int measure(AnalyticsBenchOptions options, List<String> args, PrintStream out, PrintStream progress)
            throws InterruptedException {
        ObjectMapper json = ContractJson.newMapper();
        Instant startedAt = Instant.now();
        String runId = String.valueOf(startedAt.getEpochSecond() % 100_000_000);
        MachineInfo machine = MachineInfo.current();
        ProjectionWatcher watcher = new ProjectionWatcher(options.analytics());
        TicketHistory history = new TicketHistory(json, runId);
        progress.println("Run " + runId + " on " + machine.describe());

        progress.printf(Locale.ROOT, "[1/4] Live: %,d events of the last hours%n", options.liveEvents());
        Instant liveStart = startedAt.minus(Duration.ofHours(6));
        Phase live = publishAndAwait(options, json, watcher, history, "live", options.liveEvents(), 0, Long.MAX_VALUE,
                (i, random) -> liveStart.plusSeconds(random.nextInt(6 * 3600)), startedAt);

        Phase seed = null;
        Instant yearEnd = startedAt.truncatedTo(ChronoUnit.DAYS);
        Instant yearStart = yearEnd.minus(Duration.ofDays(365));
        if (options.tickets() > 0) {
            long first = options.firstSeededTicket();
            long end = options.endOfSeededTickets();
            progress.printf(Locale.ROOT, "[2/4] Seed: a year of history of %,d tickets, part %d/%d: tickets %,d to %,d%n",
                    options.tickets(), options.seedPart(), options.seedParts(), first, end - 1);
            long yearSeconds = Duration.ofDays(365).toSeconds();
            seed = publishAndAwait(options, json, watcher, history, "year", Integer.MAX_VALUE, first, end,
                    (i, random) -> yearStart.plusSeconds(i * yearSeconds / options.tickets()), Instant.MAX);
        } else {
            progress.println("[2/4] Seed skipped");
        }

        progress.printf(Locale.ROOT, "[3/4] Queries over %s to %s, %d per shape%n", yearStart, yearEnd, options.queries());
        Histogram all = new Histogram(3_600_000_000L, 3);
        Map<String, LatencyReport> queries = new QueryLoad(options.analytics())
                .run(QueryLoad.shapes(yearStart, yearEnd), options.queries(), all);

        YardstickResult mongo = null;
        if (options.yardstickRecords() > 0) {
            progress.printf(Locale.ROOT, "[4/4] MongoDB yardstick: up to %,d documents%n", options.yardstickRecords());
            mongo = new MongoYardstick(options.mongo()).run(options.yardstickRecords());
        }

        AnalyticsReport report = new AnalyticsReport(runId, startedAt, "java -jar benchmarks/target/benchmarks.jar analytics "
                + String.join(" ", args), machine, live, seed, queries, LatencyReport.of(all, 1000), mongo);
        report.printText(out);
        if (options.markdown()) {
            report.printMarkdown(out);
        }
        return live.complete() && (seed == null || seed.complete()) ? 0 : 1;
    }

    /** When ticket {@code i} opens. */
    interface OpenedAt {
        Instant of(long i, SplittableRandom random);
    }

    /** Events published, how long the producer took, and how long until the service had applied them all. */
    record Phase(String name, long events, Duration produce, Duration applied, boolean complete) {
        double eventsPerSecond() {
            return events / Math.max(applied.toNanos() / 1e9, 1e-9);
        }
    }

    /**
     * Publishes the events of tickets {@code firstTicket} up to {@code endTicket} (exclusive), or until
     * {@code maxEvents}, in the order they happen, then waits for the projection. Events after
     * {@code now} are left out: live traffic holds only what has happened (a ticket opened an hour ago has no solve
     * tomorrow yet), so its facts fall in the last hours, as in production.
     */
    private static Phase publishAndAwait(AnalyticsBenchOptions options, ObjectMapper json, ProjectionWatcher watcher,
                                         TicketHistory history, String name, int maxEvents, long firstTicket,
                                         long endTicket, OpenedAt openedAt, Instant now) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        long baseline = watcher.applied();
        long events = 0;
        long started;
        Instant firstSend;
        try (EventPublisher publisher = new EventPublisher(options.kafka(), json)) {
            List<IntegrationEvent> inTimeOrder = new ArrayList<>();
            for (long i = firstTicket; i < endTicket && events < maxEvents; i++) {
                List<IntegrationEvent> ticket = history.ticket(i + (name.equals("live") ? 0 : 10_000_000L),
                        openedAt.of(i, random), random).stream().filter(e -> !e.occurredAt().isAfter(now)).toList();
                inTimeOrder.addAll(ticket);
                events += ticket.size();
            }
            // As ticket-service publishes them: in the order they happen (stable, so a ticket's events keep theirs).
            inTimeOrder.sort(Comparator.comparing(IntegrationEvent::occurredAt));
            started = System.nanoTime();
            firstSend = Instant.now();
            publisher.publish(inTimeOrder);
            long failed = publisher.flush();
            if (failed > 0) {
                throw new IllegalStateException(failed + " events were not acknowledged by Kafka");
            }
        }
        Duration produce = Duration.ofNanos(System.nanoTime() - started);
        Instant done = watcher.awaitApplied(baseline + events, PROJECTION_TIMEOUT);
        Duration applied = Duration.between(firstSend, done == null ? Instant.now() : done);
        return new Phase(name, events, produce, applied, done != null);
    }
}
