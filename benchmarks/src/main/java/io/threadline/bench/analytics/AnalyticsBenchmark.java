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
 * {@code benchmarks.jar analytics}: measures analytics-service on a running stack. (1) Live burst: publishes ticket
 * events of the last hours to {@code ticket.events} as fast as Kafka takes them and times until the service has
 * applied them all (its projection meter). (2) Sustained: the same kind of traffic at a steady pace for a while, the
 * service's lag read every second. (3) Seed: a year of history for {@code --tickets} tickets, the same way as (1).
 * (4) Queries: each KPI shape over that year, one request at a time. (5) The raw MongoDB insert yardstick.
 */
public final class AnalyticsBenchmark {

    private static final Duration PROJECTION_TIMEOUT = Duration.ofHours(3);
    /** Ticket numbers of the phases do not overlap, so each phase's tickets are new to the service. */
    private static final long YEAR_TICKETS = 10_000_000L;
    private static final long SUSTAINED_TICKETS = 20_000_000L;

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

        progress.printf(Locale.ROOT, "[1/5] Live burst: %,d events of the last hours%n", options.liveEvents());
        Instant liveStart = startedAt.minus(Duration.ofHours(6));
        OpenedAt lastHours = (i, random) -> liveStart.plusSeconds(random.nextInt(6 * 3600));
        Phase live = publishAndAwait(options, json, watcher, eventsInTimeOrder(history, "live", 0, options.liveEvents(), 0,
                Long.MAX_VALUE, lastHours, startedAt), "live");

        SustainedLoad.Result sustained = null;
        if (options.sustainedSeconds() > 0) {
            int events = options.sustainedRate() * options.sustainedSeconds();
            progress.printf(Locale.ROOT, "[2/5] Sustained: %,d events/s for %d s%n", options.sustainedRate(),
                    options.sustainedSeconds());
            List<IntegrationEvent> steady = eventsInTimeOrder(history, "sustained", SUSTAINED_TICKETS, events, 0,
                    Long.MAX_VALUE, lastHours, startedAt);
            try (EventPublisher publisher = new EventPublisher(options.kafka(), json)) {
                sustained = new SustainedLoad(watcher, PROJECTION_TIMEOUT).run(publisher, steady,
                        options.sustainedRate());
            }
        } else {
            progress.println("[2/5] Sustained skipped");
        }

        Phase seed = null;
        Instant yearEnd = startedAt.truncatedTo(ChronoUnit.DAYS);
        Instant yearStart = yearEnd.minus(Duration.ofDays(365));
        if (options.tickets() > 0) {
            long first = options.firstSeededTicket();
            long end = options.endOfSeededTickets();
            progress.printf(Locale.ROOT, "[3/5] Seed: a year of history of %,d tickets, part %d/%d: tickets %,d to %,d%n",
                    options.tickets(), options.seedPart(), options.seedParts(), first, end - 1);
            long yearSeconds = Duration.ofDays(365).toSeconds();
            seed = publishAndAwait(options, json, watcher, eventsInTimeOrder(history, "year", YEAR_TICKETS, Long.MAX_VALUE,
                    first, end, (i, random) -> yearStart.plusSeconds(i * yearSeconds / options.tickets()), Instant.MAX),
                    "year");
        } else {
            progress.println("[3/5] Seed skipped");
        }

        progress.printf(Locale.ROOT, "[4/5] Queries over %s to %s, %d per shape%n", yearStart, yearEnd, options.queries());
        Histogram all = new Histogram(3_600_000_000L, 3);
        Map<String, LatencyReport> queries = new QueryLoad(options.analytics())
                .run(QueryLoad.shapes(yearStart, yearEnd), options.queries(), all);

        YardstickResult mongo = null;
        if (options.yardstickRecords() > 0) {
            progress.printf(Locale.ROOT, "[5/5] MongoDB yardstick: up to %,d documents%n", options.yardstickRecords());
            mongo = new MongoYardstick(options.mongo()).run(options.yardstickRecords());
        }

        AnalyticsReport report = new AnalyticsReport(runId, startedAt, "java -jar benchmarks/target/benchmarks.jar analytics "
                + String.join(" ", args), machine, live, sustained, seed, queries, LatencyReport.of(all, 1000), mongo);
        report.printText(out);
        if (options.markdown()) {
            report.printMarkdown(out);
        }
        return live.complete() && (sustained == null || sustained.complete()) && (seed == null || seed.complete())
                ? 0 : 1;
    }

    /** When ticket {@code i} opens. */
    interface OpenedAt {
        Instant of(long i, SplittableRandom random);
    }

    /**
     * Events published, how long the producer took, how long until the service had applied them all, and the
     * service's progress meanwhile (its batches and the time it spent projecting them).
     */
    record Phase(String name, long events, Duration produce, Duration applied, ProjectionWatcher.Progress work,
                 boolean complete) {
        double eventsPerSecond() {
            return events / Math.max(applied.toNanos() / 1e9, 1e-9);
        }

        /** The share of the phase the service spent projecting batches. */
        double busy() {
            return work.busyOver(applied);
        }
    }

    /**
     * The events of tickets {@code firstTicket} up to {@code endTicket} (exclusive), or until {@code maxEvents}, in
     * the order they happen, as ticket-service publishes them (stable, so a ticket's events keep theirs); ticket
     * {@code i} is numbered {@code numberedFrom + i}. Events after {@code now} are left out: live traffic holds only
     * what has happened (a ticket opened an hour ago has no solve tomorrow yet), so its facts fall in the last hours,
     * as in production.
     */
    private static List<IntegrationEvent> eventsInTimeOrder(TicketHistory history, String name, long numberedFrom,
                                                            long maxEvents, long firstTicket, long endTicket,
                                                            OpenedAt openedAt, Instant now) {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        List<IntegrationEvent> inTimeOrder = new ArrayList<>();
        for (long i = firstTicket; i < endTicket && inTimeOrder.size() < maxEvents; i++) {
            inTimeOrder.addAll(history.ticket(numberedFrom + i, openedAt.of(i, random), random).stream()
                    .filter(e -> !e.occurredAt().isAfter(now)).toList());
        }
        inTimeOrder.sort(Comparator.comparing(IntegrationEvent::occurredAt));
        return inTimeOrder;
    }

    /** Publishes the events as fast as Kafka takes them, then waits for the projection. */
    private static Phase publishAndAwait(AnalyticsBenchOptions options, ObjectMapper json, ProjectionWatcher watcher,
                                         List<IntegrationEvent> events, String name) throws InterruptedException {
        ProjectionWatcher.Progress before = watcher.progress();
        long started;
        Instant firstSend;
        try (EventPublisher publisher = new EventPublisher(options.kafka(), json)) {
            started = System.nanoTime();
            firstSend = Instant.now();
            publisher.publish(events);
            long failed = publisher.flush();
            if (failed > 0) {
                throw new IllegalStateException(failed + " events were not acknowledged by Kafka");
            }
        }
        Duration produce = Duration.ofNanos(System.nanoTime() - started);
        Instant done = watcher.awaitApplied(before.applied() + events.size(), PROJECTION_TIMEOUT);
        Duration applied = Duration.between(firstSend, done == null ? Instant.now() : done);
        return new Phase(name, events.size(), produce, applied, watcher.progress().since(before), done != null);
    }
}
