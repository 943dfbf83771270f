package io.threadline.localstack.infra.h2;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates computed directly give what mongo-java-server's general update path gives: the same documents (value types
 * included), the same replies and the same errors, step by step, through the real driver against both.
 */
class DirectUpdateTest {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private TwoBackends backends;

    @BeforeEach
    void start() {
        backends = new TwoBackends();
    }

    @AfterEach
    void stop() {
        backends.close();
    }

    @Test
    void countersAndPositionsAsAProjectionWritesThem() {
        Bson bucket = Filters.eq("_id", "day|2026-11-23|email");
        Document first = update("$inc", Map.of("t.created", 1, "q.37", 2)).append("$max", new Document("applied.p0", 5L));
        assertThat(DirectUpdate.of(toServer(first), "_id")).isPresent();

        same(c -> c.updateOne(bucket, first, UPSERT));
        same(c -> c.updateOne(bucket, first, UPSERT));
        same(c -> c.updateOne(bucket, update("$inc", Map.of("t.created", 5L, "t.solved", 1.5))
                .append("$max", new Document("applied.p0", 3L)).append("$min", new Document("low", 4))));
        same(c -> c.updateOne(bucket, update("$max", Map.of("applied.p0", 9L, "applied.p1", 1L))
                .append("$min", new Document("low", 2))));
        same(c -> c.updateOne(bucket, update("$inc", Map.of("t.created", 0)))); // nothing modified
        same(c -> c.updateOne(Filters.eq("_id", "absent"), update("$inc", Map.of("t.created", 1))));
        sameContents();
    }

    @Test
    void fieldsSetAndSetOnlyOnInsert() {
        Bson ticket = Filters.eq("_id", "t-1");
        Document created = update("$set", Map.of("status", "NEW", "counts.replies", 0))
                .append("$setOnInsert", new Document("createdAt", "2026-11-23T09:00:00Z"));
        assertThat(DirectUpdate.of(toServer(created), "_id")).isPresent();

        same(c -> c.updateOne(ticket, created, UPSERT));
        same(c -> c.updateOne(ticket, update("$set", Map.of("status", "OPEN", "assignee", "bob"))
                .append("$setOnInsert", new Document("createdAt", "later")), UPSERT));
        same(c -> c.updateOne(ticket, update("$set", Map.of("status", "OPEN")))); // the same value: not modified
        same(c -> c.updateOne(ticket, update("$set", Map.of("counts.replies", 0L)))); // 0 and 0L, compared normalized
        same(c -> c.updateOne(ticket, update("$set", Map.of("assignee", "carol"))
                .append("$inc", new Document("counts.replies", 1))));
        Document nulls = new Document("$set", new Document("group", null));
        same(c -> c.updateOne(ticket, nulls));
        same(c -> c.updateOne(ticket, update("$inc", Map.of("group", 2)))); // null counts as 0
        sameContents();
    }

    @Test
    void whatItLeavesToTheGeneralPathEndsTheSame() {
        Bson doc = Filters.eq("_id", 7L);
        same(c -> c.updateOne(doc, new Document("$set", new Document("name", "x").append("list", List.of(1, 2))), UPSERT));
        same(c -> c.updateOne(doc, update("$inc", Map.of("name", 1)))); // not a number
        same(c -> c.updateOne(doc, update("$inc", Map.of("list.0", 5)))); // an array on the path
        same(c -> c.updateOne(doc, update("$inc", Map.of("name.sub", 1)))); // a scalar on the path
        same(c -> c.updateOne(doc, update("$inc", Map.of("a", 1)).append("$max", new Document("a.b", 2)))); // conflict
        same(c -> c.updateOne(doc, update("$set", Map.of("_id", 8L))));
        same(c -> c.updateOne(doc, update("$push", Map.of("list", 3))));
        same(c -> c.updateOne(Filters.and(doc, Filters.eq("name", "x")), update("$inc", Map.of("hits", 1))));
        same(c -> c.updateMany(Filters.eq("_id", 7L), update("$inc", Map.of("hits", 1))));
        same(c -> c.updateOne(doc, update("$max", Map.of("name", 3))));
        assertThat(DirectUpdate.of(toServer(update("$inc", Map.of("a", 1)).append("$max", new Document("a.b", 2))), "_id"))
                .isEmpty();
        assertThat(DirectUpdate.of(toServer(update("$set", Map.of("_id", 8L))), "_id")).isEmpty();
        sameContents();
    }

    @Test
    void aSecondUniqueIndexStillRefusesADuplicate() {
        same(c -> c.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true)));
        same(c -> c.updateOne(Filters.eq("_id", "k1"), update("$set", Map.of("key", 1)), UPSERT));
        same(c -> c.updateOne(Filters.eq("_id", "k2"), update("$set", Map.of("key", 2)), UPSERT));
        same(c -> c.updateOne(Filters.eq("_id", "k2"), update("$set", Map.of("key", 1))));
        same(c -> c.updateOne(Filters.eq("_id", "k2"), update("$inc", Map.of("key", 1))));
        same(c -> c.find(Filters.eq("key", 3)).first());
        sameContents();
    }

    private void same(Function<MongoCollection<Document>, Object> step) {
        backends.same(step);
    }

    private void sameContents() {
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
