package io.threadline.bench;

import io.threadline.contracts.inbound.Channel;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one benchmark run targets and how hard it pushes. The defaults are the local stack's fixed ports, so
 * {@code ./threadline up} followed by a bare run needs no options.
 *
 * @param yardstickRecords records (and documents) for the raw Kafka and MongoDB yardsticks; 0 skips both
 * @param timeout          how long to wait, after the last message was sent, for every message to reach the
 *                         customer timelines
 * @param ingestOnly       measure the gateway alone: no end-to-end phase, no MongoDB yardstick, no history needed
 * @param apiKey           the integrator API key the load sends in {@code X-Api-Key}
 */
public record BenchmarkOptions(
        URI gateway,
        URI history,
        String kafkaBootstrapServers,
        String mongoConnectionString,
        int customers,
        int messages,
        int concurrency,
        List<String> channels,
        int yardstickRecords,
        Duration timeout,
        boolean markdown,
        boolean ingestOnly,
        String apiKey) {

    /** The key the gateway accepts out of the box, marked DEV-ONLY in its configuration. */
    public static final String DEV_API_KEY = "tl-dev-only-integrator-key";

    public static final BenchmarkOptions DEFAULTS = new BenchmarkOptions(
            URI.create("http://localhost:8080"),
            URI.create("http://localhost:8082"),
            "localhost:9092",
            "mongodb://localhost:27017",
            1000,
            10_000,
            64,
            List.of(Channel.EMAIL, Channel.SMS, Channel.CHAT, Channel.WHATSAPP),
            200_000,
            Duration.ofSeconds(300),
            false,
            false,
            DEV_API_KEY);

    public static final String USAGE = """
            Usage: java -jar benchmarks/target/benchmarks.jar [options]
            Measures a running Threadline stack (start it with ./threadline up).

              --gateway URL             channel-gateway base URL            (default http://localhost:8080)
              --history URL             customer-history-service base URL   (default http://localhost:8082)
              --kafka HOST:PORT[,...]   Kafka bootstrap servers             (default localhost:9092)
              --mongo URI               MongoDB connection string           (default mongodb://localhost:27017)
              --customers N             distinct customers                  (default 1000)
              --messages N              messages sent through the gateway   (default 10000)
              --concurrency N           HTTP requests in flight             (default 64)
              --channels LIST           channels, customer i uses the i-th modulo the list
                                                                            (default email,sms,chat,whatsapp)
              --yardstick-records N     records for the raw Kafka and MongoDB yardsticks, 0 skips them
                                                                            (default 200000)
              --timeout DURATION        wait for the timelines after sending, e.g. 300s, 5m, PT5M
                                                                            (default 300s)
              --ingest-only             measure the gateway alone: skip the timelines and the MongoDB
                                        yardstick (customer-history-service need not run)
              --api-key KEY             integrator API key sent as X-Api-Key (default: the DEV-ONLY key)
              --markdown                also print a Markdown section for docs/benchmarks.md
              --help                    this text

            Progress goes to stderr, the report to stdout. Exit status: 0 every message accepted and on its
            timeline; 1 a message was rejected, missing, duplicated or on the wrong timeline; 2 bad options;
            3 the stack could not be reached.
            """;

    private static final Set<String> FLAGS = Set.of("markdown", "ingest-only");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final Pattern HOST_PORT = Pattern.compile("[^\\s:,]+:\\d{1,5}");

    public BenchmarkOptions {
        channels = List.copyOf(channels);
    }

    public static boolean wantsHelp(String... args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    /**
     * Reads {@code --name value} and {@code --name=value} pairs over the defaults.
     *
     * @throws IllegalArgumentException naming the option and what it expects
     */
    public static BenchmarkOptions parse(String... args) {
        Builder options = new Builder(DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': options start with --");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new IllegalArgumentException("--" + name + " takes no value");
                }
            } else if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            options.set(name, value);
        }
        return options.build();
    }

    /** Collects overrides one option at a time; the record stays immutable. */
    private static final class Builder {
        private URI gateway;
        private URI history;
        private String kafka;
        private String mongo;
        private int customers;
        private int messages;
        private int concurrency;
        private List<String> channels;
        private int yardstickRecords;
        private Duration timeout;
        private boolean markdown;
        private boolean ingestOnly;
        private String apiKey;

        Builder(BenchmarkOptions defaults) {
            gateway = defaults.gateway();
            history = defaults.history();
            kafka = defaults.kafkaBootstrapServers();
            mongo = defaults.mongoConnectionString();
            customers = defaults.customers();
            messages = defaults.messages();
            concurrency = defaults.concurrency();
            channels = defaults.channels();
            yardstickRecords = defaults.yardstickRecords();
            timeout = defaults.timeout();
            markdown = defaults.markdown();
            ingestOnly = defaults.ingestOnly();
            apiKey = defaults.apiKey();
        }

        void set(String name, String value) {
            switch (name) {
                case "gateway" -> gateway = httpUrl(name, value);
                case "history" -> history = httpUrl(name, value);
                case "kafka" -> kafka = bootstrapServers(value);
                case "mongo" -> mongo = mongoUri(value);
                case "customers" -> customers = count(name, value, 1, 1_000_000);
                case "messages" -> messages = count(name, value, 1, 10_000_000);
                case "concurrency" -> concurrency = count(name, value, 1, 4096);
                case "channels" -> channels = channelList(value);
                case "yardstick-records" -> yardstickRecords = count(name, value, 0, 100_000_000);
                case "timeout" -> timeout = duration(name, value);
                case "markdown" -> markdown = true;
                case "ingest-only" -> ingestOnly = true;
                case "api-key" -> apiKey = apiKey(value);
                default -> throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
            }
        }

        BenchmarkOptions build() {
            return new BenchmarkOptions(gateway, history, kafka, mongo, customers, messages, concurrency, channels,
                    yardstickRecords, timeout, markdown, ingestOnly, apiKey);
        }
    }

    private static URI httpUrl(String name, String value) {
        String trimmed = value.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = URI.create(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // Reported below with the option's name.
        }
        throw new IllegalArgumentException("--" + name + " must be an http(s) URL such as http://localhost:8080, got '"
                + value + "'");
    }

    private static String bootstrapServers(String value) {
        String trimmed = value.trim();
        for (String server : trimmed.split(",")) {
            if (!HOST_PORT.matcher(server.trim()).matches()) {
                throw new IllegalArgumentException("--kafka must be host:port[,host:port...], got '" + value + "'");
            }
        }
        return trimmed;
    }

    private static String apiKey(String value) {
        String trimmed = value.trim();
        if (trimmed.isEmpty() || !trimmed.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("--api-key must be printable ASCII without spaces");
        }
        return trimmed;
    }

    private static String mongoUri(String value) {
        String trimmed = value.trim();
        if (!trimmed.startsWith("mongodb://") && !trimmed.startsWith("mongodb+srv://")) {
            throw new IllegalArgumentException("--mongo must be a connection string starting with mongodb://, got '"
                    + value + "'");
        }
        return trimmed;
    }

    private static int count(String name, String value, int min, int max) {
        String digits = value.trim().replace("_", "");
        long parsed;
        try {
            parsed = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", got "
                    + parsed);
        }
        return (int) parsed;
    }

    private static List<String> channelList(String value) {
        Set<String> channels = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String channel = part.trim();
            if (!Channel.isValidName(channel)) {
                throw new IllegalArgumentException("--channels: '" + channel
                        + "' is not a channel name (lowercase letters, digits, dashes, e.g. email,sms,chat,whatsapp)");
            }
            if (!channels.add(channel)) {
                throw new IllegalArgumentException("--channels lists '" + channel + "' twice");
            }
        }
        return new ArrayList<>(channels);
    }

    private static Duration duration(String name, String value) {
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher simple = SIMPLE_DURATION.matcher(trimmed);
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            String unit = simple.group(2) == null ? "s" : simple.group(2);
            duration = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        } else {
            try {
                duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--" + name
                        + " must be a duration such as 300s, 5m, 1h or PT5M, got '" + value + "'");
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--" + name + " must be longer than zero, got '" + value + "'");
        }
        return duration;
    }
}
