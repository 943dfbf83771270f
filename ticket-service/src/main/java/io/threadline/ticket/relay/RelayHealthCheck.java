package io.threadline.ticket.relay;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness shows whether stored events are reaching Kafka. */
@Readiness
@ApplicationScoped
public class RelayHealthCheck implements HealthCheck {

    private final EventRelay relay;

    public RelayHealthCheck(EventRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Event relay");
        if (relay.lastPublishedAt() != null) {
            response.withData("lastPublishedAt", relay.lastPublishedAt().toString());
        }
        if (relay.lastError() != null) {
            return response.down().withData("lastError", relay.lastError()).build();
        }
        return response.up().build();
    }
}
