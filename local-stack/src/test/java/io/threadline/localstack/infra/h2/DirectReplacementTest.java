package io.threadline.localstack.infra.h2;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

/**
 * Replacements by {@code _id} computed directly leave the same documents, replies and errors as mongo-java-server's
 * general path: upserts, changed and unchanged documents, values of another number type, the {@code _id} repeated or
 * altered, unique indexes, ids of equal numbers across types, and replacements guarded by a version as
 * customer-history-service writes its state ({@code {_id, v}} with a unique index on both).
 */
@ExtendWith(TwoBackends.Extension.class)
class DirectReplacementTest {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    @Test
    void statesReplacedWholeAsAProjectionWritesThem(TwoBackends backends) {
        Bson ticket = Filters.eq("_id", "t-1");
        Document state = new Document("status", "NEW").append("openedAt", 1_700_000_000_000L)
                .append("dims", new Document("channel", "email").append("agent", "-"))
                .append("surveys", List.of(new Document("q", "csat").append("score", 5)));

        backends.same(c -> c.replaceOne(ticket, state, UPSERT));
        backends.same(c -> c.replaceOne(ticket, new Document(state).append("status", "OPEN"), UPSERT));
        backends.same(c -> c.replaceOne(ticket, new Document(state).append("status", "OPEN"), UPSERT)); // unchanged
        backends.same(c -> c.replaceOne(ticket, new Document("status", "SOLVED").append("n", 0), UPSERT)); // fewer fields
        backends.same(c -> c.replaceOne(ticket, new Document("status", "SOLVED").append("n", 0L))); // 0 to 0L
        backends.same(c -> c.replaceOne(ticket, new Document("_id", "t-1").append("status", "CLOSED"))); // same id
        backends.same(c -> c.replaceOne(ticket, new Document("_id", "t-2").append("status", "CLOSED"))); // altered id
        backends.same(c -> c.replaceOne(Filters.eq("_id", "absent"), new Document("status", "NEW")));
        backends.sameContents();
    }

    @Test
    void uniqueIndexesAndNumberIds(TwoBackends backends) {
        backends.same(c -> c.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true)));
        backends.same(c -> c.insertOne(new Document("_id", 1).append("email", "a@example.com")).getInsertedId());
        backends.same(c -> c.insertOne(new Document("_id", 2).append("email", "b@example.com")).getInsertedId());

        backends.same(c -> c.replaceOne(Filters.eq("_id", 1L), new Document("email", "b@example.com"))); // taken
        backends.same(c -> c.replaceOne(Filters.eq("_id", 1L), new Document("email", "c@example.com")));
        backends.same(c -> c.replaceOne(Filters.eq("_id", 3), new Document("email", "a@example.com"), UPSERT)); // free now
        backends.same(c -> c.replaceOne(Filters.eq("_id", 4), new Document("email", "c@example.com"), UPSERT)); // taken
        backends.sameContents();
    }

    @Test
    void replacementsGuardedByAVersion(TwoBackends backends) {
        backends.same(c -> c.createIndex(Indexes.ascending("_id", "v"), new IndexOptions().unique(true)));
        Document head = new Document("head", "{\"tickets\":[]}");

        backends.same(c -> c.replaceOne(guard("h-1", 0), new Document(head).append("v", 1L), UPSERT)); // absent: inserted
        backends.same(c -> c.replaceOne(guard("h-1", 1), new Document("head", "{}").append("v", 2L), UPSERT));
        backends.same(c -> c.replaceOne(guard("h-1", 1), new Document("head", "[]").append("v", 2L), UPSERT)); // stale
        backends.same(c -> c.replaceOne(guard("h-1", 1), new Document("head", "[]").append("v", 2L))); // stale, no upsert
        backends.same(c -> c.replaceOne(new Document("_id", "h-1").append("v", 2), // an int guard on a long version
                new Document("head", "{}").append("v", 3L), UPSERT));
        backends.same(c -> c.replaceOne(guard("h-1", 3), new Document("head", "{}").append("v", 3L))); // unchanged
        backends.same(c -> c.replaceOne(guard("h-1", 3), new Document("_id", "h-2").append("v", 4L), UPSERT)); // other id
        backends.same(c -> c.replaceOne(new Document("_id", "h-1").append("head", "{}"), // no index on {_id, head}
                new Document("head", "x").append("v", 4L), UPSERT));
        backends.same(c -> c.updateOne(guard("h-3", 0), Updates.set("head", "{}"), new UpdateOptions().upsert(true))); // an update, not a replacement: the guard's fields go into the upsert
        backends.same(c -> unordered(c, List.of(
                new ReplaceOneModel<>(guard("h-1", 4), new Document("head", "a").append("v", 5L), UPSERT),
                new ReplaceOneModel<>(guard("h-1", 4), new Document("head", "b").append("v", 5L), UPSERT), // lost race
                new InsertOneModel<>(new Document("_id", "h-4").append("head", "c").append("v", 1L)),
                new ReplaceOneModel<>(guard("h-5", 0), new Document("head", "d").append("v", 1L), UPSERT))));
        backends.sameContents();
    }

    /** An unordered bulk write's counts, or which of its writes were refused and why. */
    private static Object unordered(MongoCollection<Document> c, List<WriteModel<Document>> writes) {
        try {
            var result = c.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return List.of(result.getInsertedCount(), result.getMatchedCount(), result.getModifiedCount(),
                    result.getUpserts().size());
        } catch (MongoBulkWriteException e) {
            return e.getWriteErrors().stream().map(error -> error.getIndex() + ":" + error.getCode()).toList();
        }
    }

    private static Document guard(String id, long version) {
        return new Document("_id", id).append("v", version);
    }
}
