package io.threadline.localstack.infra.h2;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Unique indexes that read a document's key directly refuse, find and forget exactly what mongo-java-server's general
 * key code does: numbers of different types that are equal, string keys sharing long prefixes, missing fields, compound
 * keys, and (through that code) arrays and paths.
 */
@ExtendWith(TwoBackends.Extension.class)
class KeyedUniqueIndexTest {


    @Test
    void idsEqualAcrossNumberTypesAreOneKey(TwoBackends backends) {
        backends.same(c -> c.insertOne(new Document("_id", 1).append("n", "int")).getInsertedId());
        backends.same(c -> c.insertOne(new Document("_id", 1L).append("n", "long")).getInsertedId());
        backends.same(c -> c.insertOne(new Document("_id", 1.0).append("n", "double")).getInsertedId());
        backends.same(c -> c.insertOne(new Document("_id", "1").append("n", "string")).getInsertedId());
        backends.same(c -> c.find(Filters.eq("_id", 1L)).first());
        backends.same(c -> c.deleteOne(Filters.eq("_id", 1.0)).getDeletedCount());
        backends.same(c -> c.insertOne(new Document("_id", 1L).append("n", "long again")).getInsertedId());
        backends.sameContents();
    }

    @Test
    void stringKeysSharingLongPrefixesAsTimelineEntriesHaveThem(TwoBackends backends) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add((20_000 + i % 3) + "|hb9542-c" + (i * 7919 % 1000) + "|hb9542-c1-t" + (i % 2) + "|" + i);
        }
        keys.add("20000|hb9542-c1|hb9542-c1-t0|é"); // beyond Latin-1 in UTF-16 order
        keys.add("20000|hb9542-c1|hb9542-c1-t0|\uD83D\uDE00");
        Collections.shuffle(keys, new Random(7));
        List<InsertOneModel<Document>> inserts = keys.stream()
                .map(key -> new InsertOneModel<>(new Document("_id", key).append("entry", "{}"))).toList();
        backends.same(c -> c.bulkWrite(inserts, new BulkWriteOptions().ordered(false)).getInsertedCount());
        backends.same(c -> { // each key again: every one refused
            try {
                return c.bulkWrite(inserts, new BulkWriteOptions().ordered(false)).getInsertedCount();
            } catch (MongoBulkWriteException e) {
                return e.getWriteErrors().stream().map(error -> error.getIndex() + ":" + error.getCode()).toList();
            }
        });
        backends.same(c -> c.find(Filters.in("_id", keys.subList(0, 120))).into(new ArrayList<>()).size());
        backends.same(c -> c.find(Filters.eq("_id", keys.get(5))).first());
        backends.sameContents();
    }

    @Test
    void aCompoundKeyWithMissingFieldsAndVersions(TwoBackends backends) {
        backends.same(c -> c.createIndex(Indexes.ascending("_id", "v"), new IndexOptions().unique(true)));
        backends.same(c -> c.createIndex(Indexes.ascending("customer", "seq"), new IndexOptions().unique(true)));
        backends.same(c -> c.insertOne(new Document("_id", "h-1").append("v", 1L)).getInsertedId());
        backends.same(c -> c.insertOne(new Document("_id", "h-2").append("v", 1L)).getInsertedId()); // customer, seq missing
        backends.same(c -> c.insertOne(new Document("_id", "h-3").append("customer", "c-1").append("seq", 1)).getInsertedId());
        backends.same(c -> c.insertOne(new Document("_id", "h-4").append("customer", "c-1").append("seq", 1L)).getInsertedId());
        backends.same(c -> c.replaceOne(Filters.and(Filters.eq("_id", "h-1"), Filters.eq("v", 1L)),
                new Document("v", 2L).append("customer", "c-2"), new ReplaceOptions()));
        backends.same(c -> c.replaceOne(Filters.and(Filters.eq("_id", "h-1"), Filters.eq("v", 1L)),
                new Document("v", 3L), new ReplaceOptions())); // a stale version matches nothing
        backends.same(c -> c.find(Filters.and(Filters.eq("_id", "h-1"), Filters.eq("v", 2L))).first());
        backends.same(c -> c.updateOne(Filters.eq("_id", "h-3"), Updates.set("customer", "c-2")));
        backends.sameContents();
    }

    @Test
    void arraysAndPathsTakeTheGeneralCode(TwoBackends backends) {
        backends.same(c -> c.createIndex(Indexes.ascending("tags"), new IndexOptions().unique(true)));
        backends.same(c -> c.createIndex(Indexes.ascending("address.city"), new IndexOptions().unique(true)));
        backends.same(c -> c.insertOne(new Document("_id", "a").append("tags", List.of("x", "y"))
                .append("address", new Document("city", "Lyon"))).getInsertedId());
        backends.same(c -> c.insertOne(new Document("_id", "b").append("tags", List.of("y", "z"))).getInsertedId());
        backends.same(c -> c.insertOne(new Document("_id", "c").append("tags", "z")
                .append("address", new Document("city", "Lyon"))).getInsertedId());
        backends.same(c -> c.insertOne(new Document("_id", "d").append("tags", "w")
                .append("address", new Document("city", "Nice"))).getInsertedId());
        backends.same(c -> c.deleteOne(Filters.eq("_id", "a")).getDeletedCount());
        backends.same(c -> c.insertOne(new Document("_id", "e").append("tags", List.of("x"))).getInsertedId());
        backends.sameContents();
    }
}
