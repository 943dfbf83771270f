package io.threadline.history.timeline.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.threadline.history.timeline.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.BufferOverflowException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * New timeline entries as this instance stores them, for live subscribers. An entry goes only to the streams of
 * its customer (looked up by id, so a thousand open streams cost a new entry no more than one). A batch announces
 * its entries in one burst, faster than a stream writes them, so each stream has a buffer; one that falls further
 * behind than the buffer holds is ended (never silently thinned out), and catches up by re-reading the timeline with
 * its cursor. Either way a slow subscriber never holds up the projection.
 */
@ApplicationScoped
public class TimelineFeed {

    /** Entries a subscriber may lag behind before its stream ends: a few large batches of one customer. */
    static final int BUFFER = 4096;

    private final Map<String, Set<MultiEmitter<? super TimelineEntry>>> streams = new ConcurrentHashMap<>();

    // Both consumer channels publish; an emitter wants one caller at a time.
    public synchronized void publish(TimelineEntry entry) {
        Set<MultiEmitter<? super TimelineEntry>> subscribers = streams.get(entry.customerId());
        if (subscribers != null) {
            subscribers.forEach(stream -> stream.emit(entry));
        }
    }

    /** Entries of these customers from now on; the stream completes if the subscriber falls too far behind. */
    public Multi<TimelineEntry> of(Set<String> customerIds) {
        return Multi.createFrom().<TimelineEntry>emitter(stream -> {
                    customerIds.forEach(id -> follow(id, stream));
                    stream.onTermination(() -> customerIds.forEach(id -> forget(id, stream)));
                }, BUFFER)
                // What a full emitter buffer fails the stream with.
                .onFailure(BufferOverflowException.class).recoverWithCompletion();
    }

    // Adding and removing both happen inside the map's per-key compute, so a stream that subscribes while the last
    // other stream of its customer ends is never added to a set already dropped from the map.
    private void follow(String customerId, MultiEmitter<? super TimelineEntry> stream) {
        streams.compute(customerId, (id, subscribers) -> {
            Set<MultiEmitter<? super TimelineEntry>> following = subscribers != null ? subscribers
                    : ConcurrentHashMap.newKeySet();
            following.add(stream);
            return following;
        });
    }

    private void forget(String customerId, MultiEmitter<? super TimelineEntry> stream) {
        streams.computeIfPresent(customerId, (id, subscribers) -> {
            subscribers.remove(stream);
            return subscribers.isEmpty() ? null : subscribers;
        });
    }

    /** Customers with a stream open, for tests. */
    int customersFollowed() {
        return streams.size();
    }
}
