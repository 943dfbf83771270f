package io.threadline.ticket.ticket.live;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A replica is ready for agent screens once its live feed reads {@code ticket.events}. */
@Readiness
@ApplicationScoped
public class TicketChangeFeedHealthCheck implements HealthCheck {

    private final TicketChangeFeedAssignment assignment;

    public TicketChangeFeedHealthCheck(@Identifier("ticket-changes") TicketChangeFeedAssignment assignment) {
        this.assignment = assignment;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Live ticket changes").status(assignment.assigned()).build();
    }
}
