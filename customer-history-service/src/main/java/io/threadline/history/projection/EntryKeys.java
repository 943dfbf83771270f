package io.threadline.history.projection;

import java.time.Instant;

/**
 * Timeline entry ids: {@code <epoch day>|<customerId>|<ticketId>|<sequence>}, made from the ticket event the entry
 * comes from (its UTC day, its ticket and that ticket's aggregate sequence). The id depends on the event alone, so a
 * redelivered or replayed event maps to the entry already stored and the {@code _id} index refuses it: an entry is
 * stored once per event without a second unique index or a look-up first. The ticket spans of
 * {@link CustomerHistory} give every id of a page, so a page is a few exact {@code _id} lookups, which the MongoDB
 * stand-in answers from its index (it scans for any range).
 * <p>
 * The day comes first: entries are stored roughly in time order (live, and in a replay), so new keys land next to
 * each other at the end of the B-tree index instead of all over it, which spares the stand-in's file-backed store a
 * cold index page per insert.
 */
public final class EntryKeys {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private EntryKeys() {
    }

    public static long dayOf(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli(), MILLIS_PER_DAY);
    }

    public static String key(String customerId, long day, String ticketId, long sequence) {
        return day + "|" + escape(customerId) + "|" + escape(ticketId) + "|" + sequence;
    }

    /** '|' separates the parts, so an id containing one is escaped (as is the escape character). */
    private static String escape(String id) {
        return id.indexOf('|') < 0 && id.indexOf('%') < 0 ? id : id.replace("%", "%25").replace("|", "%7C");
    }
}
