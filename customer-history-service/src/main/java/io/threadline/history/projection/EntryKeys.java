package io.threadline.history.projection;

import java.time.Instant;

/**
 * Timeline entry ids: {@code <epoch day>|<customerId>|<n>}, the n-th entry stored for the customer on that UTC
 * day. Every id of a page can be computed from the day counts of {@link CustomerHistory}, so a page is a few
 * exact {@code _id} lookups, which the MongoDB stand-in answers from its index (it scans for any range).
 * <p>
 * The day comes first in both keys: entries are stored roughly in time order (live, and in a replay), so new keys
 * land next to each other at the end of the B-tree indexes instead of all over them. On the stand-in's file-backed
 * store that keeps inserts from reading (and deserializing) a cold index page per key.
 */
public final class EntryKeys {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private EntryKeys() {
    }

    public static long dayOf(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli(), MILLIS_PER_DAY);
    }

    public static String key(String customerId, long day, int n) {
        return day + "|" + escape(customerId) + "|" + n;
    }

    /** The unique key of an event's entry, {@code <epoch day>|<eventId>}: an entry is stored once per event. */
    public static String eventKey(String eventId, Instant occurredAt) {
        return dayOf(occurredAt) + "|" + eventId;
    }

    /** '|' separates the parts, so a customer id containing one is escaped (as is the escape character). */
    private static String escape(String customerId) {
        return customerId.indexOf('|') < 0 && customerId.indexOf('%') < 0 ? customerId
                : customerId.replace("%", "%25").replace("|", "%7C");
    }
}
