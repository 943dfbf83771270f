package io.threadline.analytics.kpi.query;

import io.threadline.analytics.kpi.model.Tally;
import io.threadline.analytics.kpi.store.BucketStore;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds up the tallies of stored documents as the reply's bytes: a year of histograms is hundreds of thousands of
 * counters, not worth a map entry and a boxed value each.
 */
final class StoredTallies {

    /** A stored field's counter: its name, and its bin if it is one. */
    private record StoredCounter(String name, Tally.Bin bin) {

        static StoredCounter of(String field) {
            String name = BucketStore.counterOf(field);
            return new StoredCounter(name, Tally.binOf(name));
        }

        void addTo(Tally tally, long amount) {
            if (bin != null) {
                tally.add(bin, amount);
            } else {
                tally.add(name, amount);
            }
        }
    }

    /**
     * Counters by stored field name: a few thousand distinct ones (bins included), each met hundreds of times a
     * query, so each is converted once and its hash computed once.
     */
    private static final Map<String, StoredCounter> COUNTERS = new ConcurrentHashMap<>();

    private StoredTallies() {
    }

    /** The tallies per key of a block: a whole day's {@code t}, or one quarter {@code q.<n>} of an hour document. */
    static RawBsonDocument keyed(RawBsonDocument doc, Block block) {
        if (block.quarter() == Block.WHOLE_DAY) {
            return rawDocument(doc, BucketStore.DAY_TOTALS);
        }
        RawBsonDocument quarters = rawDocument(doc, BucketStore.QUARTERS);
        return quarters == null ? null : rawDocument(quarters, String.valueOf(block.quarter()));
    }

    /** The tallies per key of a bins document ({@code t}). */
    static RawBsonDocument keyedBins(RawBsonDocument doc) {
        return rawDocument(doc, BucketStore.DAY_TOTALS);
    }

    /** Adds {@code sign} times the tallies of the matching keys to their groups (created as needed). */
    static void addMatching(RawBsonDocument keyed, KeyMatcher keys, int sign, Map<String, Tally> byGroup) {
        try (BsonBinaryReader reader = new BsonBinaryReader(keyed.getByteBuffer().asNIO())) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String group = keys.groupOf(reader.readName());
                if (group == null || reader.getCurrentBsonType() != BsonType.DOCUMENT) {
                    reader.skipValue();
                    continue;
                }
                addCounters(reader, "", sign, byGroup.computeIfAbsent(group, g -> new Tally()));
            }
            reader.readEndDocument();
        }
    }

    /**
     * Adds {@code sign} times each counter of the stored tally the reader stands at (nested documents: dotted names)
     * to {@code into}.
     */
    private static void addCounters(BsonBinaryReader reader, String prefix, int sign, Tally into) {
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = reader.readName();
            switch (reader.getCurrentBsonType()) {
                case DOCUMENT -> addCounters(reader, prefix + name + ".", sign, into);
                case INT64 -> add(into, prefix, name, sign * reader.readInt64());
                case INT32 -> add(into, prefix, name, (long) sign * reader.readInt32());
                case DOUBLE -> add(into, prefix, name, sign * (long) reader.readDouble());
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
    }

    private static void add(Tally into, String prefix, String field, long amount) {
        StoredCounter counter = COUNTERS.get(field);
        if (counter == null) {
            counter = StoredCounter.of(field);
            COUNTERS.put(field, counter);
        }
        if (prefix.isEmpty()) {
            counter.addTo(into, amount);
        } else {
            into.add(prefix + counter.name(), amount);
        }
    }

    /** A sub-document of a reply, still as bytes (a raw document's sub-documents are raw documents too). */
    private static RawBsonDocument rawDocument(BsonDocument doc, String field) {
        BsonValue value = doc.get(field);
        return value instanceof RawBsonDocument raw ? raw : null;
    }
}
