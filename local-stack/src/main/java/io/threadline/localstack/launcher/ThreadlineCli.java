package io.threadline.localstack.launcher;

import io.threadline.localstack.auth.DevTokens;
import io.threadline.localstack.demo.DemoConversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code ./threadline up | down | status | demo | token <role>}: runs the whole system on this machine.
 * The repository is the working directory (or THREADLINE_HOME); data lives in THREADLINE_DATA
 * (default {@code .threadline/} in the repository).
 */
public final class ThreadlineCli {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    private ThreadlineCli() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(env("THREADLINE_HOME").orElse(".")).toAbsolutePath().normalize();
        Path dataDir = Path.of(env("THREADLINE_DATA").orElse(repository.resolve(".threadline").toString()))
                .toAbsolutePath().normalize();
        var settings = new LocalStack.Settings(repository, dataDir, StackPorts.DEFAULTS, READY_TIMEOUT);
        String command = args.length == 0 ? "help" : args[0];
        int status = switch (command) {
            case "up" -> up(settings);
            case "down" -> down(settings);
            case "status" -> status(settings);
            case "demo" -> new DemoConversation(settings.ports()).run(System.out);
            case "token" -> token(repository, args);
            default -> help();
        };
        System.exit(status);
    }

    private static int up(LocalStack.Settings settings) throws IOException, InterruptedException {
        Path pidFile = pidFile(settings);
        Optional<ProcessHandle> running = runningLauncher(pidFile);
        if (running.isPresent()) {
            System.err.println("Threadline is already running (pid " + running.get().pid() + "). "
                    + "Stop it with ./threadline down.");
            return 1;
        }
        System.out.println("Starting Kafka, the MongoDB stand-ins and the four services; data in "
                + settings.dataDir() + ", logs in " + settings.logDir());
        long started = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (StackStartException e) {
            System.err.println("Threadline did not start: " + e.getMessage());
            return 1;
        }
        Files.createDirectories(settings.dataDir());
        Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Threadline...");
            stack.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // Nothing to do: a stale pid file is recognised as such on the next start.
            }
            System.out.println("Stopped.");
        }));
        printUrls(settings.ports(), (System.nanoTime() - started) / 1e9);
        Thread.currentThread().join();
        return 0;
    }

    private static int down(LocalStack.Settings settings) {
        Optional<ProcessHandle> running = runningLauncher(pidFile(settings));
        if (running.isEmpty()) {
            System.out.println("Threadline is not running.");
            return 0;
        }
        System.out.println("Stopping Threadline (pid " + running.get().pid() + ")...");
        running.get().destroy();
        try {
            running.get().onExit().get(120, java.util.concurrent.TimeUnit.SECONDS);
            System.out.println("Stopped.");
            return 0;
        } catch (Exception e) {
            System.err.println("Threadline did not stop within 120 s: " + e);
            return 1;
        }
    }

    private static int status(LocalStack.Settings settings) {
        StackPorts ports = settings.ports();
        boolean allReady = true;
        for (Service service : Service.values()) {
            boolean ready = ReadinessProbe.isReady(ports.baseUrl(service));
            allReady &= ready;
            System.out.printf("%-26s %-6s %s%n", service.moduleName(), ready ? "READY" : "DOWN", ports.baseUrl(service));
        }
        System.out.printf("%-26s %-6s localhost:%d%n", "kafka", ReadinessProbe.accepts(ports.kafka()) ? "UP" : "DOWN",
                ports.kafka());
        System.out.printf("%-26s %-6s localhost:%d%n", "mongodb (stand-in)",
                ReadinessProbe.accepts(ports.mongo()) ? "UP" : "DOWN", ports.mongo());
        System.out.printf("%-26s %-6s localhost:%d%n", "mongodb (event store)",
                ReadinessProbe.accepts(ports.eventStoreMongo()) ? "UP" : "DOWN", ports.eventStoreMongo());
        System.out.printf("%-26s %-6s localhost:%d%n", "mongodb (analytics)",
                ReadinessProbe.accepts(ports.analyticsMongo()) ? "UP" : "DOWN", ports.analyticsMongo());
        return allReady ? 0 : 1;
    }

    private static void printUrls(StackPorts ports, double seconds) {
        System.out.printf("%nThreadline is up: all services ready in %.1f s.%n%n", seconds);
        for (Service service : Service.values()) {
            String base = ports.baseUrl(service);
            System.out.printf("  %-26s %s%n", service.moduleName(), service.role());
            System.out.printf("  %-26s API %s%s%n", "", base, service.apiPath());
            System.out.printf("  %-26s Swagger UI %s/q/swagger-ui   health %s/q/health/ready%n", "", base, base);
        }
        System.out.printf("  %-26s %s%n", "kafka", ports.kafkaBootstrapServers());
        System.out.printf("  %-26s %s (channel-gateway, customer-history-service)%n", "mongodb (stand-in)",
                ports.mongoConnectionString());
        System.out.printf("  %-26s %s (ticket-service's event store)%n", "mongodb (stand-in)",
                ports.eventStoreConnectionString());
        System.out.printf("  %-26s %s (analytics-service)%n%n", "mongodb (stand-in)",
                ports.analyticsConnectionString());
        System.out.println("Send a scripted conversation: ./threadline demo     Stop: Ctrl-C or ./threadline down");
    }

    /** Prints a bearer token signed with the DEV-ONLY key, for the agent API of the local stack. */
    private static int token(Path repository, String[] args) throws IOException {
        if (args.length < 2 || !DevTokens.ROLES.contains(args[1])) {
            System.err.println("Usage: ./threadline token <" + String.join("|", DevTokens.ROLES) + "> [name]");
            return 2;
        }
        Path keyFile = repository.resolve(DevTokens.PRIVATE_KEY);
        if (!Files.isRegularFile(keyFile)) {
            System.err.println("No dev key at " + keyFile + "; run from the repository or set THREADLINE_HOME.");
            return 1;
        }
        String subject = args.length > 2 ? args[2] : null;
        System.out.println(DevTokens.forRole(DevTokens.readPrivateKey(Files.readString(keyFile)), args[1], subject));
        return 0;
    }

    private static int help() {
        System.out.println("""
                Usage: ./threadline <command>
                  up       build what is missing, start Kafka, the MongoDB stand-ins and the four services; Ctrl-C stops
                  down     stop a stack started with 'up' (from another terminal)
                  status   show which parts are up
                  demo     send a short multi-channel conversation and print the customers' timelines
                  token <agent|supervisor|admin|service> [name]
                           print a bearer token for the agent API, signed with the DEV-ONLY key (12 h)
                Environment: THREADLINE_DATA (data directory, default .threadline/)""");
        return 2;
    }

    private static Path pidFile(LocalStack.Settings settings) {
        return settings.dataDir().resolve("threadline.pid");
    }

    private static Optional<ProcessHandle> runningLauncher(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
