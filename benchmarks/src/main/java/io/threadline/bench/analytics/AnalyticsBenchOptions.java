package io.threadline.bench.analytics;

import java.net.URI;
import java.util.List;

/**
 * What an analytics run targets and how big it is.
 *
 * @param liveEvents events published as live traffic (timestamps of the last hours) for the throughput phase
 * @param sustainedRate    events per second of the sustained phase: live traffic sent at that pace
 * @param sustainedSeconds how long the sustained phase sends; 0 skips it
 * @param tickets    tickets of the year of history seeded before the queries; 0 skips the seeding
 * @param queries    requests per query shape in the query phase
 * @param seedPart   which part (1-based) of {@code seedParts} equal, consecutive slices of the year's tickets to seed
 */
public record AnalyticsBenchOptions(URI analytics, String kafka, String mongo, int liveEvents, int sustainedRate,
                                    int sustainedSeconds, int tickets, int queries, int yardstickRecords, int seedPart,
                                    int seedParts, boolean markdown) {

    public static final AnalyticsBenchOptions DEFAULTS = new AnalyticsBenchOptions(URI.create("http://localhost:8083"),
            "localhost:9092", "mongodb://localhost:27019", 100_000, 5_000, 60, 1_000_000, 200, 200_000, 1, 1, false);

    /** The index of the first ticket of the seeded part (tickets are numbered in the order they open). */
    public long firstSeededTicket() {
        return (long) tickets * (seedPart - 1) / seedParts;
    }

    /** The index after the last ticket of the seeded part. */
    public long endOfSeededTickets() {
        return (long) tickets * seedPart / seedParts;
    }

    public static final String USAGE = """
            Usage: java -jar benchmarks/target/benchmarks.jar analytics [options]
            Measures analytics-service on a running stack: live projection throughput (a burst, then a steady
            pace), then query latency over a year of history.

              --analytics URL          analytics-service base URL          (default http://localhost:8083)
              --kafka HOST:PORT        Kafka bootstrap servers             (default localhost:9092)
              --mongo URI              analytics' MongoDB, for the yardstick (default mongodb://localhost:27019)
              --live-events N          events of the live burst, sent as fast as Kafka takes them (default 100000)
              --sustained-rate N       events per second of the sustained phase (default 5000)
              --sustained-seconds N    how long the sustained phase sends, 0 skips it (default 60)
              --tickets N              tickets of the seeded year, 0 skips (default 1000000)
              --seed-part K/P          seed only the K-th of P consecutive slices of the year's tickets, so a large
                                       year can be loaded over several runs (default 1/1)
              --queries N              requests per query shape            (default 200)
              --yardstick-records N    documents of the MongoDB insertMany yardstick, 0 skips (default 200000)
              --markdown               also print a Markdown section for docs/benchmarks.md
            """;

    public static AnalyticsBenchOptions parse(List<String> args) {
        URI analytics = DEFAULTS.analytics();
        String kafka = DEFAULTS.kafka();
        String mongo = DEFAULTS.mongo();
        int live = DEFAULTS.liveEvents();
        int sustainedRate = DEFAULTS.sustainedRate();
        int sustainedSeconds = DEFAULTS.sustainedSeconds();
        int tickets = DEFAULTS.tickets();
        int queries = DEFAULTS.queries();
        int yardstick = DEFAULTS.yardstickRecords();
        int seedPart = DEFAULTS.seedPart();
        int seedParts = DEFAULTS.seedParts();
        boolean markdown = false;
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (name.equals("--markdown")) {
                markdown = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args.get(++i);
            switch (name) {
                case "--analytics" -> analytics = URI.create(value.replaceAll("/+$", ""));
                case "--kafka" -> kafka = value;
                case "--mongo" -> mongo = value;
                case "--live-events" -> live = count(name, value, 1);
                case "--sustained-rate" -> sustainedRate = count(name, value, 1);
                case "--sustained-seconds" -> sustainedSeconds = count(name, value, 0);
                case "--tickets" -> tickets = count(name, value, 0);
                case "--queries" -> queries = count(name, value, 1);
                case "--yardstick-records" -> yardstick = count(name, value, 0);
                case "--seed-part" -> {
                    String[] part = value.split("/", -1);
                    if (part.length != 2) {
                        throw new IllegalArgumentException(name + " must be K/P, got '" + value + "'");
                    }
                    seedParts = count(name, part[1], 1);
                    seedPart = count(name, part[0], 1);
                    if (seedPart > seedParts) {
                        throw new IllegalArgumentException(name + " must be K/P with K at most P, got '" + value + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + name + " (see --help)");
            }
        }
        return new AnalyticsBenchOptions(analytics, kafka, mongo, live, sustainedRate, sustainedSeconds, tickets, queries,
                yardstick, seedPart, seedParts, markdown);
    }

    private static int count(String name, String value, int min) {
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
