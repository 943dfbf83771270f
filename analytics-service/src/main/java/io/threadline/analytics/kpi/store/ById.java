package io.threadline.analytics.kpi.store;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Finds documents by a list of ids in parts, one {@code $in} each: the MongoDB stand-in checks each document its index
 * finds against every id of the list, so one {@code $in} of n ids that all exist costs it n² comparisons (a year of
 * day and hour documents, 730 ids: over half a million, most of a query's time there); in parts of k it costs k n, for
 * a round trip per part, which real MongoDB answers quickly too.
 */
final class ById {

    /** For queries: a year is 12 to 23 parts. */
    static final int QUERY_PART = 32;
    /**
     * For the states of a batch: most of them are either remembered or new (found nowhere, so nothing to compare), so
     * fewer, larger parts; after a restart, when all are found, still an eighth of the comparisons of one list.
     */
    static final int STATES_PART = 128;

    private ById() {
    }

    /** Each document found, shaped by {@code find} (a projection), in no particular order. */
    static <T> void find(MongoCollection<T> collection, Collection<String> ids, int part,
                         Function<FindIterable<T>, FindIterable<T>> find, Consumer<T> each) {
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += part) {
            List<String> some = all.subList(from, Math.min(from + part, all.size()));
            find.apply(collection.find(Filters.in("_id", some))).forEach(each);
        }
    }
}
