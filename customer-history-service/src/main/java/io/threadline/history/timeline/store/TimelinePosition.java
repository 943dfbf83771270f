package io.threadline.history.timeline.store;

import java.time.Instant;

/** A place in a timeline's order (occurredAt, then entryId): a page starts right after it. */
public record TimelinePosition(Instant occurredAt, String entryId) {
}
