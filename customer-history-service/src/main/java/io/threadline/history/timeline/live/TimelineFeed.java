package io.threadline.history.timeline.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.threadline.history.timeline.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * New timeline entries as this instance stores them, for live subscribers. A subscriber that is too slow loses
 * entries rather than holding up the projection; it can always re-read the timeline with its cursor.
 */
@ApplicationScoped
public class TimelineFeed {

    private final BroadcastProcessor<TimelineEntry> entries = BroadcastProcessor.create();

    // Both consumer channels publish; the processor wants one caller at a time.
    public synchronized void publish(TimelineEntry entry) {
        entries.onNext(entry);
    }

    /** Entries of these customers from now on. */
    public Multi<TimelineEntry> of(Set<String> customerIds) {
        return entries.filter(e -> customerIds.contains(e.customerId()))
                .onOverflow().drop();
    }
}
