package io.threadline.history.projection;

import java.time.Instant;

/**
 * Timeline entry ids: {@code <customerId>|<epoch day>|<n>}, the n-th entry stored for the customer on that UTC
 * day. Every id of a page can be computed from the day counts of {@link CustomerHistory}, so a page is a few
 * exact {@code _id} lookups, which the MongoDB stand-in answers from its index (it scans for any range).
 */
public final class EntryKeys {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private EntryKeys() {
    }

    public static long dayOf(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli(), MILLIS_PER_DAY);
    }

    public static String key(String customerId, long day, int n) {
        return escape(customerId) + "|" + day + "|" + n;
    }

    /** '|' separates the parts, so a customer id containing one is escaped (as is the escape character). */
    private static String escape(String customerId) {
        return customerId.indexOf('|') < 0 && customerId.indexOf('%') < 0 ? customerId
                : customerId.replace("%", "%25").replace("|", "%7C");
    }
}
