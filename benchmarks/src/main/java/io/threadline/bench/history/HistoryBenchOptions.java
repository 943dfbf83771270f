package io.threadline.bench.history;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a customer-history run targets and how big it is. A phase whose size is 0 is skipped.
 *
 * @param events            events the replay source serves to the rebuild (phase 1)
 * @param customers         customers those events are spread over
 * @param timelineEntries   entries of the one customer whose timeline pages are timed (phase 2)
 * @param pageRequests      timed page requests
 * @param lagRate           events per second published to ticket.events in the live-lag phase (phase 3)
 * @param lagSeconds        how long that load lasts
 * @param lagCustomers      customers it is spread over, each followed by a live stream
 * @param historyJar        the packaged service the rebuild phase starts a second instance of
 */
public record HistoryBenchOptions(URI history, String kafka, String mongo, int events, int customers,
                                  int timelineEntries, int pageRequests, int lagRate, int lagSeconds, int lagCustomers,
                                  int yardstickRecords, Path historyJar, boolean markdown) {

    public static final HistoryBenchOptions DEFAULTS = new HistoryBenchOptions(URI.create("http://localhost:8082"),
            "localhost:9092", "mongodb://localhost:27017", 1_000_000, 50_000, 10_000, 1000, 1000, 60, 100, 200_000,
            Path.of("customer-history-service/target/quarkus-app/quarkus-run.jar"), false);

    private static final Set<String> OPTIONS = Set.of("--history", "--kafka", "--mongo", "--events", "--customers",
            "--timeline-entries", "--page-requests", "--lag-rate", "--lag-seconds", "--lag-customers",
            "--yardstick-records", "--history-jar");

    public static final String USAGE = """
            Usage: java -jar benchmarks/target/benchmarks.jar history [options]
            Measures customer-history-service on a running stack (./threadline up): (1) a rebuild replaying
            --events over --customers, served by this tool as the replay source, next to the raw MongoDB
            insertMany rate; (2) timeline pages of 50 entries of one customer with --timeline-entries entries;
            (3) the lag from ticket.events to a live timeline stream at --lag-rate events/s.

              --history URL            customer-history-service base URL   (default http://localhost:8082)
              --kafka HOST:PORT        Kafka bootstrap servers             (default localhost:9092)
              --mongo URI              MongoDB of the stack                (default mongodb://localhost:27017)
              --events N               events replayed, 0 skips phase 1    (default 1000000)
              --customers N            customers of the replayed events    (default 50000)
              --timeline-entries N     entries of the timed timeline, 0 skips phase 2 (default 10000)
              --page-requests N        timed page requests                 (default 1000)
              --lag-rate N             events/s of the live-lag load       (default 1000)
              --lag-seconds N          duration of that load, 0 skips phase 3 (default 60)
              --lag-customers N        customers of that load, one live stream each (default 100)
              --yardstick-records N    documents of the MongoDB insertMany yardstick (default 200000)
              --history-jar PATH       the service the rebuild phase starts a second instance of
                                       (default customer-history-service/target/quarkus-app/quarkus-run.jar)
              --markdown               also print a Markdown section for docs/benchmarks.md
            """;

    public static HistoryBenchOptions parse(List<String> args) {
        Map<String, String> given = new HashMap<>();
        boolean markdown = false;
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (name.equals("--markdown")) {
                markdown = true;
            } else if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + " (see --help)");
            } else if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            } else {
                given.put(name, args.get(++i));
            }
        }
        HistoryBenchOptions d = DEFAULTS;
        int events = count(given, "--events", d.events(), 0);
        int customers = count(given, "--customers", d.customers(), 1);
        if (events > 0 && events < 2L * customers) {
            throw new IllegalArgumentException("--events must be at least twice --customers (a registration and a "
                    + "ticket event each), got " + events + " events for " + customers + " customers");
        }
        return new HistoryBenchOptions(
                given.containsKey("--history") ? URI.create(given.get("--history").replaceAll("/+$", "")) : d.history(),
                given.getOrDefault("--kafka", d.kafka()), given.getOrDefault("--mongo", d.mongo()), events, customers,
                count(given, "--timeline-entries", d.timelineEntries(), 0),
                count(given, "--page-requests", d.pageRequests(), 1), count(given, "--lag-rate", d.lagRate(), 1),
                count(given, "--lag-seconds", d.lagSeconds(), 0), count(given, "--lag-customers", d.lagCustomers(), 1),
                count(given, "--yardstick-records", d.yardstickRecords(), 1),
                given.containsKey("--history-jar") ? Path.of(given.get("--history-jar")) : d.historyJar(), markdown);
    }

    private static int count(Map<String, String> given, String name, int otherwise, int min) {
        String value = given.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int parsed = Integer.parseInt(value.replace("_", ""));
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with the option's name.
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least " + min + ", got '" + value + "'");
    }
}
