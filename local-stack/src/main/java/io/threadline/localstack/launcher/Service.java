package io.threadline.localstack.launcher;

import java.nio.file.Path;

/** The four services of Threadline, in the order the local stack starts them. */
public enum Service {
    TICKET_SERVICE("ticket-service", "tickets and customers (write side)", "/api/v1/tickets", "512m"),
    CUSTOMER_HISTORY_SERVICE("customer-history-service", "cross-channel customer timelines",
            "/api/v1/customers/lookup?identity=email:alice@example.com", "512m"),
    // The heap the production overlay gives it (80 % of 1 GiB): it remembers 100,000 ticket states, and at 512 MB one
    // benchmark run in three projected under 5,000 events/s, collecting every 0.3 s (docs/benchmarks.md, analytics).
    ANALYTICS_SERVICE("analytics-service", "support KPIs", "/api/v1/metrics/volumes", "820m"),
    CHANNEL_GATEWAY("channel-gateway", "integrator API and channel adapters", "/api/v1/inbound/messages", "512m");

    private final String moduleName;
    private final String role;
    private final String apiPath;
    private final String maxHeap;

    Service(String moduleName, String role, String apiPath, String maxHeap) {
        this.moduleName = moduleName;
        this.role = role;
        this.apiPath = apiPath;
        this.maxHeap = maxHeap;
    }

    /** The {@code -Xmx} the local stack starts it with. */
    public String maxHeap() {
        return maxHeap;
    }

    public String moduleName() {
        return moduleName;
    }

    public String role() {
        return role;
    }

    public String apiPath() {
        return apiPath;
    }

    /** The runnable Quarkus application the Maven build leaves in the module's target folder. */
    public Path runnableJar(Path repository) {
        return repository.resolve(moduleName).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
