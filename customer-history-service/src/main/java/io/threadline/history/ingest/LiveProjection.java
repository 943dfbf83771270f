package io.threadline.history.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.threadline.history.projection.BatchProjection;
import io.threadline.history.projection.DecodedEvent;
import io.threadline.history.projection.EventDecoder;
import io.threadline.history.projection.ProjectionCopies;
import io.threadline.history.projection.ProjectionCopy;
import io.threadline.history.projection.UnusableEventException;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.live.TimelineFeed;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Projects a batch of records into every copy being written (the served one, and a rebuild's while it runs), then
 * announces the new entries of the served copy to live subscribers. Records that can never be projected go to the
 * dead-letter topic one by one; the rest of the batch is projected.
 */
@ApplicationScoped
public class LiveProjection {

    private static final Logger LOG = Logger.getLogger(LiveProjection.class);

    private final EventDecoder decoder;
    private final BatchProjection projection;
    private final ProjectionCopies copies;
    private final DeadLetters deadLetters;
    private final TimelineFeed feed;
    private final Counter projected;
    private final DistributionSummary batchSize;
    private final Timer batchDuration;

    public LiveProjection(EventDecoder decoder, BatchProjection projection, ProjectionCopies copies,
                          DeadLetters deadLetters, TimelineFeed feed, MeterRegistry meters) {
        this.decoder = decoder;
        this.projection = projection;
        this.copies = copies;
        this.deadLetters = deadLetters;
        this.feed = feed;
        this.projected = meters.counter("threadline.history.events.projected");
        this.batchSize = DistributionSummary.builder("threadline.history.batch.events")
                .description("Events per projected batch (one poll)").register(meters);
        this.batchDuration = Timer.builder("threadline.history.batch.duration")
                .description("Time to project one batch into every copy being written").register(meters);
    }

    public void project(Iterable<ConsumerRecord<String, String>> records) {
        List<DecodedEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                decoder.decode(record.value()).ifPresentOrElse(events::add,
                        () -> LOG.debugf("Skipping %s-%d@%d: an event type this version does not know",
                                record.topic(), record.partition(), record.offset()));
            } catch (UnusableEventException e) {
                deadLetters.park(record, e);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<ProjectionCopy> targets = copies.writeTargets();
        List<TimelineEntry> served = projection.project(targets.get(0), events);
        for (ProjectionCopy rebuilding : targets.subList(1, targets.size())) {
            projection.project(rebuilding, events);
        }
        batchDuration.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        batchSize.record(events.size());
        projected.increment(events.size());
        served.forEach(feed::publish);
    }
}
