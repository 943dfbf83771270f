package io.threadline.localstack.launcher;

import io.threadline.localstack.auth.DevTokens;
import io.threadline.localstack.infra.KafkaProcess;
import io.threadline.localstack.infra.MongoProcess;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system on one machine: a Kafka broker, the MongoDB stand-ins and the four services, each its own
 * process, all data under one directory. {@link #close()} stops them in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * Everything the stack needs to know: where the built modules are, where data goes, which ports, and where
     * the services send their traces (an OTLP/HTTP endpoint; null turns tracing off, as nothing would receive it).
     */
    public record Settings(Path repository, Path dataDir, StackPorts ports, Duration readyTimeout,
                           String tracesEndpoint) {

        /** Traces go where {@code OTEL_EXPORTER_OTLP_ENDPOINT} says (OTLP over HTTP, e.g. Jaeger's :4318), if set. */
        public Settings(Path repository, Path dataDir, StackPorts ports, Duration readyTimeout) {
            this(repository, dataDir, ports, readyTimeout, System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }

        public Path logDir() {
            return dataDir.resolve("logs");
        }
    }

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration INFRA_STOP_GRACE = Duration.ofSeconds(20);

    private final Settings settings;
    private final List<ChildProcess> infrastructure = new ArrayList<>();
    private final List<ChildProcess> services = new ArrayList<>();

    private LocalStack(Settings settings) {
        this.settings = settings;
    }

    /** Starts every part and returns once every service reports ready; stops what it started if one fails. */
    public static LocalStack start(Settings settings) {
        requireBuilt(settings.repository());
        requirePortsFree(settings.ports());
        LocalStack stack = new LocalStack(settings);
        boolean analyticsMoving = AnalyticsStoreMove.pending(settings.dataDir());
        try {
            stack.startInfrastructure();
            stack.startServices();
            if (analyticsMoving) {
                AnalyticsStoreMove.rebuild(settings.ports());
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The environment a service runs with; docker-compose.yml sets the same keys. */
    public static Map<String, String> serviceEnvironment(Service service, StackPorts ports, String tracesEndpoint) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_OTEL_SDK_DISABLED", String.valueOf(tracesEndpoint == null));
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", tracesEndpoint == null ? "http://localhost:4318" : tracesEndpoint);
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.port(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", ports.kafkaBootstrapServers());
        env.put("QUARKUS_MONGODB_CONNECTION_STRING", ports.mongoConnectionString(service));
        if (service == Service.CHANNEL_GATEWAY) {
            // The web chat replays a visitor's history from customer-history-service, as a caller of role service.
            env.put("QUARKUS_REST_CLIENT_CUSTOMER_HISTORY_URL", ports.baseUrl(Service.CUSTOMER_HISTORY_SERVICE));
            env.put("THREADLINE_GATEWAY_CHAT_HISTORY_TOKEN", DevTokens.stackTokenInRepository("channel-gateway", "service"));
        }
        if (service == Service.CUSTOMER_HISTORY_SERVICE) {
            // Rebuilds read ticket-service's replay source, as a caller of role admin.
            env.put("QUARKUS_REST_CLIENT_REPLAY_SOURCE_URL", ports.baseUrl(Service.TICKET_SERVICE));
            env.put("THREADLINE_HISTORY_REBUILD_TOKEN", DevTokens.stackTokenInRepository("customer-history-service", "admin"));
        }
        if (service == Service.ANALYTICS_SERVICE) {
            env.put("QUARKUS_REST_CLIENT_REPLAY_SOURCE_URL", ports.baseUrl(Service.TICKET_SERVICE));
            env.put("THREADLINE_ANALYTICS_REBUILD_TOKEN", DevTokens.stackTokenInRepository("analytics-service", "admin"));
        }
        return env;
    }

    private void startInfrastructure() {
        Path launcherJar = settings.repository().resolve("local-stack/target/local-stack.jar");
        StackPorts ports = settings.ports();

        ChildProcess kafka = ChildProcess.start("kafka", List.of(java(), "-Xmx1g", "-cp", launcherJar.toString(),
                KafkaProcess.class.getName(), String.valueOf(ports.kafka()), String.valueOf(ports.kafkaController()),
                settings.dataDir().resolve("kafka").toAbsolutePath().toString()), Map.of(), settings.logDir());
        infrastructure.add(kafka);
        ChildProcess mongo = startMongo("mongodb", ports.mongo(), "2g", launcherJar, false);
        // ticket-service's relay tails the event store's change stream; the read models need none.
        ChildProcess eventStore = startMongo("mongodb-events", ports.eventStoreMongo(), "2g", launcherJar, true);
        // 4 GB: analytics' bucket documents are large (up to 372 KB of BSON, about eight times that decoded), and its
        // queries decode them faster than ZGC frees 2 GB: threads stalled for up to 1.2 s (docs/benchmarks.md).
        ChildProcess analytics = startMongo("mongodb-analytics", ports.analyticsMongo(), "4g", launcherJar, false);

        ReadinessProbe.awaitPort(mongo, ports.mongo(), settings.readyTimeout());
        ReadinessProbe.awaitPort(eventStore, ports.eventStoreMongo(), settings.readyTimeout());
        ReadinessProbe.awaitPort(analytics, ports.analyticsMongo(), settings.readyTimeout());
        // The broker's port opens before the topics exist; the process logs "ready" once they do.
        ReadinessProbe.awaitPort(kafka, ports.kafka(), settings.readyTimeout());
        ReadinessProbe.awaitLogLine(kafka, "Kafka broker ready", settings.readyTimeout());
    }

    private ChildProcess startMongo(String name, int port, String maxHeap, Path launcherJar, boolean changeStreams) {
        // At least 2 GB: the file store's page cache (256 MB) and a big collection's index pages share the heap; at
        // 1 GB a replay of a million events left the old generation 99.6 % full (docs/benchmarks.md, history).
        // ZGC: every request in flight waits out a stop-the-world pause, and G1's young pauses (copying the cached
        // pages that survive) set the tail of the read models' live lag (docs/benchmarks.md, the stand-in's collector).
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + maxHeap, "-XX:+UseZGC", "-cp",
                launcherJar.toString(),
                MongoProcess.class.getName(), String.valueOf(port),
                settings.dataDir().resolve(name).resolve("threadline.mv").toAbsolutePath().toString()));
        if (changeStreams) {
            command.add(MongoProcess.CHANGE_STREAMS);
        }
        ChildProcess mongo = ChildProcess.start(name, command, Map.of(), settings.logDir());
        infrastructure.add(mongo);
        return mongo;
    }

    private void startServices() {
        for (Service service : Service.values()) {
            // The parallel collector, as the services' container images run them (the UBI OpenJDK default). Here on
            // 2 processors it also took 20-26 % less of the gateway's CPU per message than G1 (docs/benchmarks.md).
            services.add(ChildProcess.start(service.moduleName(), List.of(java(), "-Xmx" + service.maxHeap(),
                            "-XX:+UseParallelGC", "-jar", service.runnableJar(settings.repository()).toString()),
                    serviceEnvironment(service, settings.ports(), settings.tracesEndpoint()), settings.logDir()));
        }
        // Wait in parallel: each service takes a few seconds, and any failure should surface at once.
        CompletableFuture<?>[] waits = services.stream()
                .map(process -> CompletableFuture.runAsync(() -> ReadinessProbe.awaitHealthy(process,
                        settings.ports().baseUrl(serviceNamed(process.name())), settings.readyTimeout())))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(waits).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static Service serviceNamed(String name) {
        for (Service service : Service.values()) {
            if (service.moduleName().equals(name)) {
                return service;
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Override
    public void close() {
        CompletableFuture.allOf(services.stream()
                .map(p -> CompletableFuture.runAsync(() -> p.stop(SERVICE_STOP_GRACE)))
                .toArray(CompletableFuture[]::new)).join();
        services.clear();
        for (int i = infrastructure.size() - 1; i >= 0; i--) {
            infrastructure.get(i).stop(INFRA_STOP_GRACE);
        }
        infrastructure.clear();
    }

    private static void requireBuilt(Path repository) {
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(repository.resolve("local-stack/target/local-stack.jar"))) {
            missing.add("local-stack");
        }
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(service.runnableJar(repository))) {
                missing.add(service.moduleName());
            }
        }
        if (!missing.isEmpty()) {
            throw new StackStartException("Not built: " + String.join(", ", missing)
                    + ". Build with ./mvnw -DskipTests install (./threadline up does this for you).");
        }
    }

    private static void requirePortsFree(StackPorts ports) {
        List<String> busy = new ArrayList<>();
        ports.allPorts().forEach((port, owner) -> {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (java.io.IOException e) {
                busy.add("port " + port + " (" + owner + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new StackStartException("Already in use: " + String.join(", ", busy)
                    + ". Is Threadline already running (./threadline down stops it)? Otherwise stop what listens"
                    + " there: ss -ltnp shows it.");
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
