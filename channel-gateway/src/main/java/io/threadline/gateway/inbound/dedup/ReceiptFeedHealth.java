package io.threadline.gateway.inbound.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the receipts of recent messages are back in memory, so a retry right after a restart is caught. */
@Readiness
@ApplicationScoped
public class ReceiptFeedHealth implements HealthCheck {

    private final ReceiptFeed feed;

    public ReceiptFeedHealth(ReceiptFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Inbound receipts").status(feed.caughtUp()).build();
    }
}
