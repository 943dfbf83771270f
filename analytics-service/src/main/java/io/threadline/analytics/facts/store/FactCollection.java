package io.threadline.analytics.facts.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.threadline.servicekit.mongo.MongoErrors;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * A collection of immutable facts keyed by {@code _id}, each with a channel and one timestamp field.
 * Uses only what the MongoDB stand-in supports too: {@code _id} uniqueness, and $match and $group with
 * arithmetic ($toLong, $mod, $subtract) in the pipeline.
 */
final class FactCollection {

    /**
     * Counts are grouped per UTC quarter hour: zone offsets are whole quarter hours, so an hour, day or week of
     * any such zone is a union of slots, and MongoDB returns at most 96 rows per channel and day.
     */
    static final long SLOT_MILLIS = 15 * 60 * 1000;

    private final MongoCollection<Document> facts;
    private final String timeField;

    FactCollection(MongoCollection<Document> facts, String timeField) {
        this.facts = facts;
        this.timeField = timeField;
    }

    /** Inserts the fact unless its {@code _id} exists: the first delivery wins, redeliveries change nothing. */
    boolean insertOnce(Document fact) {
        try {
            facts.insertOne(fact);
            return true;
        } catch (MongoWriteException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Serves the range queries on real MongoDB; the stand-in accepts and ignores it. */
    void ensureTimeIndex() {
        facts.createIndex(Indexes.ascending(timeField, "channel"));
    }

    /** Facts with the timestamp in [from, to), optionally of one channel, counted per channel and quarter hour. */
    List<SlotCount> countBySlot(Instant from, Instant to, Optional<String> channel) {
        Bson inRange = Filters.and(Filters.gte(timeField, Date.from(from)), Filters.lt(timeField, Date.from(to)));
        Bson match = channel.map(c -> Filters.and(inRange, Filters.eq("channel", c))).orElse(inRange);
        Document millis = new Document("$toLong", "$" + timeField);
        Document slotStart = new Document("$subtract",
                List.of(millis, new Document("$mod", List.of(millis, SLOT_MILLIS))));
        List<Bson> pipeline = List.of(
                Aggregates.match(match),
                Aggregates.group(new Document("channel", "$channel").append("slot", slotStart),
                        Accumulators.sum("count", 1)));
        List<SlotCount> counts = new ArrayList<>();
        for (Document row : facts.aggregate(pipeline)) {
            Document key = row.get("_id", Document.class);
            counts.add(new SlotCount(key.getString("channel"),
                    Instant.ofEpochMilli(key.get("slot", Number.class).longValue()),
                    row.get("count", Number.class).longValue()));
        }
        return counts;
    }
}
