package io.threadline.analytics.ingest;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * Reads {@code ticket.events} and {@code customer.events} in batches (one poll each) and projects them. A failing
 * batch (MongoDB briefly away) is retried: projecting is idempotent, so a retry never counts twice. A batch that
 * still fails is nacked, and the connector parks its records in the dead-letter topic; the offsets move on.
 */
@ApplicationScoped
public class EventConsumers {

    private final LiveProjection projection;

    public EventConsumers(LiveProjection projection) {
        this.projection = projection;
    }

    /** Blocking: the projection writes with the synchronous MongoDB driver; records stay in partition order. */
    @Incoming("ticket-events")
    @Blocking
    @Retry(maxRetries = 5, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS)
    public void ticketEvents(ConsumerRecords<String, String> records) {
        projection.project(records);
    }

    @Incoming("customer-events")
    @Blocking
    @Retry(maxRetries = 5, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS)
    public void customerEvents(ConsumerRecords<String, String> records) {
        projection.project(records);
    }
}
