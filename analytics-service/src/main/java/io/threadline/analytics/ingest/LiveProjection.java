package io.threadline.analytics.ingest;

import io.threadline.analytics.UnusableEventException;
import io.threadline.analytics.kpi.projection.BatchProjection;
import io.threadline.analytics.kpi.projection.BatchResult;
import io.threadline.analytics.kpi.projection.SourcedEvent;
import io.threadline.analytics.kpi.store.ActiveReadModel;
import io.threadline.contracts.events.IntegrationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects a batch of records from {@code ticket.events} or {@code customer.events} into the served read model.
 * Records that can never be projected go to the dead-letter topic one by one; the rest of the batch is projected.
 */
@ApplicationScoped
public class LiveProjection {

    private static final Logger LOG = Logger.getLogger(LiveProjection.class);

    private final EventDecoder decoder;
    private final BatchProjection projection;
    private final ActiveReadModel readModel;
    private final DeadLetters deadLetters;
    private final ProjectedEventsMeter meter;

    public LiveProjection(EventDecoder decoder, BatchProjection projection, ActiveReadModel readModel,
                          DeadLetters deadLetters, ProjectedEventsMeter meter) {
        this.decoder = decoder;
        this.projection = projection;
        this.readModel = readModel;
        this.deadLetters = deadLetters;
        this.meter = meter;
    }

    public void project(Iterable<ConsumerRecord<String, String>> records) {
        long started = System.nanoTime();
        int projected = 0;
        try {
            projected = projectBatch(records);
        } finally {
            long took = System.nanoTime() - started;
            meter.batch(took);
            LOG.debugf("Projected %d events in %d ms", projected, took / 1_000_000);
        }
    }

    /** Returns how many of the records decoded into events to project. */
    private int projectBatch(Iterable<ConsumerRecord<String, String>> records) {
        List<SourcedEvent> events = new ArrayList<>();
        Map<SourcedEvent, ConsumerRecord<String, String>> origin = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                IntegrationEvent event = decoder.envelope(record.value());
                Optional<Object> payload = decoder.payload(event);
                if (payload.isEmpty()) {
                    LOG.debugf("Ignoring event %s of unknown type %s", event.eventId(), event.type());
                    continue;
                }
                SourcedEvent sourced = new SourcedEvent(record.topic() + "-" + record.partition(), record.offset(),
                        event, payload.get());
                events.add(sourced);
                origin.put(sourced, record);
            } catch (UnusableEventException e) {
                deadLetters.park(record, e);
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        BatchResult result;
        readModel.switchLock().readLock().lock();
        try {
            result = projection.project(readModel.current(), events);
        } finally {
            readModel.switchLock().readLock().unlock();
        }
        result.rejected().forEach(r -> deadLetters.park(origin.get(r.event()), r.reason()));
        result.appliedByType().forEach(meter::projected);
        return events.size();
    }
}
