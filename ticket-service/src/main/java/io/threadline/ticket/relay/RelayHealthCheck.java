package io.threadline.ticket.relay;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness shows whether stored events are reaching Kafka. A replica standing by for the leader is healthy: its
 * role says so.
 */
@Readiness
@ApplicationScoped
public class RelayHealthCheck implements HealthCheck {

    private final EventRelay relay;

    public RelayHealthCheck(EventRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Event relay")
                .withData("role", relay.isLeader() ? "leader" : "standby");
        if (relay.lastPublishedAt() != null) {
            response.withData("lastPublishedAt", relay.lastPublishedAt().toString());
        }
        if (relay.lastError() != null) {
            return response.down().withData("lastError", relay.lastError()).build();
        }
        return response.up().build();
    }
}
