package io.threadline.bench.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.threadline.localstack.auth.DevTokens;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Phase 1: how fast customer-history-service rebuilds its read model from a replay source. The stack's own instance
 * keeps serving its data: this phase starts a second instance of the packaged service on the same Kafka and MongoDB,
 * with a database of its own ({@value #DATABASE}), consumer groups that start at the end of the topics (so it
 * projects nothing live), and its replay source pointed at this tool ({@link ReplaySourceServer}), which serves the
 * generated events. Then it asks for a rebuild and times it, from the request to the switch to the new copy; then for
 * a second one in the same instance, timed the same way. The first meets a process that has compiled nothing yet
 * (its compiler takes a large share of the processor meanwhile); the second one a warm process, as a rebuild asked
 * of a service that has been running meets it.
 */
final class ReplayRate {

    static final String DATABASE = "threadline-history-bench";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration REBUILD_TIMEOUT = Duration.ofHours(3);
    private static final Duration DROP_TIMEOUT = Duration.ofMinutes(2);

    /** The outcome; {@code entries} is how many timeline entries the rebuilt copy holds (expected: {@code expectedEntries}). */
    record Result(long events, int customers, Duration elapsed, double serviceEventsPerSecond, String state,
                  long entries, long expectedEntries, int pageSize, int batchSize) {

        double eventsPerSecond() {
            return events / Math.max(elapsed.toNanos() / 1e9, 1e-9);
        }

        boolean complete() {
            return "COMPLETED".equals(state) && entries == expectedEntries;
        }
    }

    private final HistoryBenchOptions options;
    private final ObjectMapper json;
    private final PrintStream progress;

    ReplayRate(HistoryBenchOptions options, ObjectMapper json, PrintStream progress) {
        this.options = options;
        this.json = json;
        this.progress = progress;
    }

    /** The first rebuild of a freshly started instance, and a second one in the same (then warm) instance. */
    record Rebuilds(Result cold, Result warm) {

        boolean complete() {
            return cold.complete() && warm.complete();
        }
    }

    Rebuilds run(ReplayCorpus corpus, int pageSize, int batchSize) throws InterruptedException {
        if (!Files.isRegularFile(options.historyJar())) {
            throw new IllegalStateException(options.historyJar() + " not found: build it (./threadline build) or pass "
                    + "--history-jar");
        }
        String token = UUID.randomUUID().toString();
        int port = freePort();
        dropDatabase();
        Path log = Files.isDirectory(Path.of("benchmarks/target")) ? Path.of("benchmarks/target/history-rebuild.log")
                : Path.of(System.getProperty("java.io.tmpdir"), "history-rebuild.log");
        try (ReplaySourceServer source = new ReplaySourceServer(corpus, token)) {
            Process service = start(port, source.baseUrl(), token, pageSize, batchSize, log);
            try {
                HistoryHttp http = new HistoryHttp(URI.create("http://localhost:" + port),
                        DevTokens.forRoleInRepository("admin", "bench"), json);
                awaitReady(http, service, log);
                progress.printf(Locale.ROOT, "      second instance ready on port %d (log %s); rebuilding%n", port, log);
                Result cold = rebuild(http, corpus, pageSize, batchSize);
                progress.printf(Locale.ROOT, "      first rebuild: %,.0f events/s; rebuilding again in the same instance%n",
                        cold.eventsPerSecond());
                Result warm = rebuild(http, corpus, pageSize, batchSize);
                progress.printf(Locale.ROOT, "      second rebuild: %,.0f events/s%n", warm.eventsPerSecond());
                return new Rebuilds(cold, warm);
            } finally {
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
        } finally {
            dropDatabase();
        }
    }

    /**
     * One rebuild, timed from the request to the switch; then waits until the copy it replaced is dropped, so that
     * what comes next (another rebuild, the yardstick) does not share the stand-in with the drop.
     */
    private Result rebuild(HistoryHttp http, ReplayCorpus corpus, int pageSize, int batchSize)
            throws InterruptedException {
        int replaced = http.getJson("/api/v1/admin/rebuild").path("activeGeneration").asInt();
        long started = System.nanoTime();
        if (http.post("/api/v1/admin/rebuild").statusCode() != 202) {
            throw new IllegalStateException("The rebuild did not start: " + http.get("/api/v1/admin/rebuild").body());
        }
        JsonNode status = awaitFinished(http, started);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        long entries = countEntries(status.path("activeGeneration").asInt());
        Result result = new Result(status.path("replayedEvents").asLong(), options.customers(), elapsed,
                status.path("eventsPerSecond").asDouble(), status.path("state").asText(), entries,
                corpus.timelineEntries(), pageSize, batchSize);
        if (result.complete()) {
            awaitDropped(replaced);
        }
        return result;
    }

    private void awaitDropped(int generation) throws InterruptedException {
        String prefix = "g" + generation + "_";
        long deadline = System.nanoTime() + DROP_TIMEOUT.toNanos();
        try (MongoClient client = mongo()) {
            MongoDatabase database = client.getDatabase(DATABASE);
            while (database.listCollectionNames().into(new ArrayList<>()).stream().anyMatch(n -> n.startsWith(prefix))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Generation " + generation + " was not dropped within " + DROP_TIMEOUT);
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private Process start(int port, URI replaySource, String token, int pageSize, int batchSize, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The collector the local stack starts its services with; the heap larger, for a rebuild's batches.
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-XX:+UseParallelGC", "-jar",
                options.historyJar().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        String group = "history-bench-" + UUID.randomUUID();
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", options.kafka());
        env.put("QUARKUS_MONGODB_CONNECTION_STRING", options.mongo());
        env.put("QUARKUS_MONGODB_DATABASE", DATABASE);
        for (String channel : List.of("CUSTOMER_EVENTS", "TICKET_EVENTS")) {
            env.put("MP_MESSAGING_INCOMING_" + channel + "_GROUP_ID", group);
            env.put("MP_MESSAGING_INCOMING_" + channel + "_AUTO_OFFSET_RESET", "latest");
        }
        env.put("QUARKUS_REST_CLIENT_REPLAY_SOURCE_URL", replaySource.toString());
        env.put("THREADLINE_HISTORY_REBUILD_TOKEN", token);
        env.put("THREADLINE_HISTORY_REBUILD_PAGE_SIZE", String.valueOf(pageSize));
        env.put("THREADLINE_HISTORY_REBUILD_BATCH_SIZE", String.valueOf(batchSize));
        env.put("THREADLINE_HISTORY_REBUILD_DROP_REPLACED_AFTER", "1s");
        env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + options.historyJar(), e);
        }
    }

    private void awaitReady(HistoryHttp http, Process service, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("The second history instance exited; see " + log);
            }
            try {
                if (http.get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // Not listening yet.
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("The second history instance was not ready within " + START_TIMEOUT + "; see " + log);
    }

    private JsonNode awaitFinished(HistoryHttp http, long started) throws InterruptedException {
        long lastReport = 0;
        long lastReplayed = -1;
        while (System.nanoTime() - started < REBUILD_TIMEOUT.toNanos()) {
            JsonNode status = http.getJson("/api/v1/admin/rebuild");
            String state = status.path("state").asText();
            if (!"RUNNING".equals(state)) {
                return status;
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            long replayed = status.path("replayedEvents").asLong();
            if (seconds - lastReport >= 15 && replayed != lastReplayed) {
                lastReport = seconds;
                lastReplayed = replayed;
                progress.printf(Locale.ROOT, "      %,d events replayed, %,.0f events/s%n",
                        status.path("replayedEvents").asLong(), status.path("eventsPerSecond").asDouble());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("The rebuild did not finish within " + REBUILD_TIMEOUT);
    }

    private MongoClient mongo() {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(options.mongo()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.readTimeout(10, TimeUnit.MINUTES))
                .build());
    }

    private long countEntries(int generation) {
        try (MongoClient client = mongo()) {
            return client.getDatabase(DATABASE).getCollection("g" + generation + "_entries").estimatedDocumentCount();
        }
    }

    private void dropDatabase() {
        try (MongoClient client = mongo()) {
            MongoDatabase database = client.getDatabase(DATABASE);
            // Collection by collection: the stand-in logs a stack trace for dropping what does not exist.
            for (String name : database.listCollectionNames().into(new ArrayList<>())) {
                database.getCollection(name).drop();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
