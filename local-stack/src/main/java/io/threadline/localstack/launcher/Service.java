package io.threadline.localstack.launcher;

import java.nio.file.Path;

/** The four services of Threadline, in the order the local stack starts them. */
public enum Service {
    TICKET_SERVICE("ticket-service", "tickets and customers (write side)", "/api/v1/tickets"),
    CUSTOMER_HISTORY_SERVICE("customer-history-service", "cross-channel customer timelines", "/api/v1/customers/lookup?identity=email:alice@example.com"),
    ANALYTICS_SERVICE("analytics-service", "support KPIs", "/api/v1/metrics/volumes"),
    CHANNEL_GATEWAY("channel-gateway", "integrator API and channel adapters", "/api/v1/inbound/messages");

    private final String moduleName;
    private final String role;
    private final String apiPath;

    Service(String moduleName, String role, String apiPath) {
        this.moduleName = moduleName;
        this.role = role;
        this.apiPath = apiPath;
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
