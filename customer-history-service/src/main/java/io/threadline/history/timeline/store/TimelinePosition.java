package io.threadline.history.timeline.store;

import io.threadline.history.timeline.TimelineEntry;

import java.time.Instant;
import java.util.Comparator;

/** A place in timeline order (occurredAt, then entryId). */
public record TimelinePosition(Instant occurredAt, String entryId) implements Comparable<TimelinePosition> {

    public static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::occurredAt)
            .thenComparing(TimelineEntry::entryId);

    public static TimelinePosition of(TimelineEntry entry) {
        return new TimelinePosition(entry.occurredAt(), entry.entryId());
    }

    @Override
    public int compareTo(TimelinePosition other) {
        int byTime = occurredAt.compareTo(other.occurredAt);
        return byTime != 0 ? byTime : entryId.compareTo(other.entryId);
    }
}
