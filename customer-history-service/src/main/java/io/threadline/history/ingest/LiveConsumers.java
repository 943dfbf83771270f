package io.threadline.history.ingest;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * Reads {@code customer.events} and {@code ticket.events} in batches (one poll each). A batch that fails (MongoDB
 * briefly away) is retried; projecting is idempotent, so a retry never stores anything twice. A batch that still
 * fails is nacked and the connector parks its records in the dead-letter topic, so the partition moves on.
 */
@ApplicationScoped
public class LiveConsumers {

    private final LiveProjection projection;

    public LiveConsumers(LiveProjection projection) {
        this.projection = projection;
    }

    // Blocking, ordered: the MongoDB driver is synchronous, and records stay in partition order.
    @Incoming("customer-events")
    @Blocking
    @Retry(maxRetries = 4, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS)
    public void customerEvents(ConsumerRecords<String, String> records) {
        projection.project(records);
    }

    @Incoming("ticket-events")
    @Blocking
    @Retry(maxRetries = 4, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS)
    public void ticketEvents(ConsumerRecords<String, String> records) {
        projection.project(records);
    }
}
