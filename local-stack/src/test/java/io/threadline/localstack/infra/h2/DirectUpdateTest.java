package io.threadline.localstack.infra.h2;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates computed directly give what mongo-java-server's general update path gives: the same documents (value types
 * included), the same replies and the same errors, step by step, through the real driver against both.
 */
@ExtendWith(TwoBackends.Extension.class)
class DirectUpdateTest {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);


    @Test
    void countersAndPositionsAsAProjectionWritesThem(TwoBackends backends) {
        Bson bucket = Filters.eq("_id", "day|2026-11-23|email");
        Document first = update("$inc", Map.of("t.created", 1, "q.37", 2)).append("$max", new Document("applied.p0", 5L));
        assertThat(DirectUpdate.of(toServer(first), "_id")).isPresent();

        backends.same(c -> c.updateOne(bucket, first, UPSERT));
        backends.same(c -> c.updateOne(bucket, first, UPSERT));
        backends.same(c -> c.updateOne(bucket, update("$inc", Map.of("t.created", 5L, "t.solved", 1.5))
                .append("$max", new Document("applied.p0", 3L)).append("$min", new Document("low", 4))));
        backends.same(c -> c.updateOne(bucket, update("$max", Map.of("applied.p0", 9L, "applied.p1", 1L))
                .append("$min", new Document("low", 2))));
        backends.same(c -> c.updateOne(bucket, update("$inc", Map.of("t.created", 0)))); // nothing modified
        backends.same(c -> c.updateOne(Filters.eq("_id", "absent"), update("$inc", Map.of("t.created", 1))));
        backends.sameContents();
    }

    @Test
    void fieldsSetAndSetOnlyOnInsert(TwoBackends backends) {
        Bson ticket = Filters.eq("_id", "t-1");
        Document created = update("$set", Map.of("status", "NEW", "counts.replies", 0))
                .append("$setOnInsert", new Document("createdAt", "2026-11-23T09:00:00Z"));
        assertThat(DirectUpdate.of(toServer(created), "_id")).isPresent();

        backends.same(c -> c.updateOne(ticket, created, UPSERT));
        backends.same(c -> c.updateOne(ticket, update("$set", Map.of("status", "OPEN", "assignee", "bob"))
                .append("$setOnInsert", new Document("createdAt", "later")), UPSERT));
        backends.same(c -> c.updateOne(ticket, update("$set", Map.of("status", "OPEN")))); // the same value: not modified
        backends.same(c -> c.updateOne(ticket, update("$set", Map.of("counts.replies", 0L)))); // 0 and 0L, compared normalized
        backends.same(c -> c.updateOne(ticket, update("$set", Map.of("assignee", "carol"))
                .append("$inc", new Document("counts.replies", 1))));
        Document nulls = new Document("$set", new Document("group", null));
        backends.same(c -> c.updateOne(ticket, nulls));
        backends.same(c -> c.updateOne(ticket, update("$inc", Map.of("group", 2)))); // null counts as 0
        backends.sameContents();
    }

    @Test
    void whatItLeavesToTheGeneralPathEndsTheSame(TwoBackends backends) {
        Bson doc = Filters.eq("_id", 7L);
        backends.same(c -> c.updateOne(doc, new Document("$set", new Document("name", "x").append("list", List.of(1, 2))), UPSERT));
        backends.same(c -> c.updateOne(doc, update("$inc", Map.of("name", 1)))); // not a number
        backends.same(c -> c.updateOne(doc, update("$inc", Map.of("list.0", 5)))); // an array on the path
        backends.same(c -> c.updateOne(doc, update("$inc", Map.of("name.sub", 1)))); // a scalar on the path
        backends.same(c -> c.updateOne(doc, update("$inc", Map.of("a", 1)).append("$max", new Document("a.b", 2)))); // conflict
        backends.same(c -> c.updateOne(doc, update("$set", Map.of("_id", 8L))));
        backends.same(c -> c.updateOne(doc, update("$push", Map.of("list", 3))));
        backends.same(c -> c.updateOne(Filters.and(doc, Filters.eq("name", "x")), update("$inc", Map.of("hits", 1))));
        backends.same(c -> c.updateMany(Filters.eq("_id", 7L), update("$inc", Map.of("hits", 1))));
        backends.same(c -> c.updateOne(doc, update("$max", Map.of("name", 3))));
        assertThat(DirectUpdate.of(toServer(update("$inc", Map.of("a", 1)).append("$max", new Document("a.b", 2))), "_id"))
                .isEmpty();
        assertThat(DirectUpdate.of(toServer(update("$set", Map.of("_id", 8L))), "_id")).isEmpty();
        backends.sameContents();
    }

    @Test
    void aSecondUniqueIndexStillRefusesADuplicate(TwoBackends backends) {
        backends.same(c -> c.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true)));
        backends.same(c -> c.updateOne(Filters.eq("_id", "k1"), update("$set", Map.of("key", 1)), UPSERT));
        backends.same(c -> c.updateOne(Filters.eq("_id", "k2"), update("$set", Map.of("key", 2)), UPSERT));
        backends.same(c -> c.updateOne(Filters.eq("_id", "k2"), update("$set", Map.of("key", 1))));
        backends.same(c -> c.updateOne(Filters.eq("_id", "k2"), update("$inc", Map.of("key", 1))));
        backends.same(c -> c.find(Filters.eq("key", 3)).first());
        backends.sameContents();
    }

    private static Document update(String operator, Map<String, ?> fields) {
        return new Document(operator, new Document(new java.util.TreeMap<>(fields)));
    }

    /** The update as the server sees it (its own document class). */
    private static de.bwaldvogel.mongo.bson.Document toServer(Document update) {
        de.bwaldvogel.mongo.bson.Document converted = new de.bwaldvogel.mongo.bson.Document();
        update.forEach((key, value) -> converted.put(key,
                value instanceof Document nested ? toServer(nested) : value));
        return converted;
    }
}
