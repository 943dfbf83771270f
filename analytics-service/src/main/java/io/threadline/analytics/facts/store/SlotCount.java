package io.threadline.analytics.facts.store;

import java.time.Instant;

/** How many facts of one channel fall in the UTC quarter hour starting at {@code slotStart}. */
public record SlotCount(String channel, Instant slotStart, long count) {
}
