package io.threadline.localstack.infra.h2;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

/**
 * Replacements by {@code _id} computed directly leave the same documents, replies and errors as mongo-java-server's
 * general path: upserts, changed and unchanged documents, values of another number type, the {@code _id} repeated or
 * altered, unique indexes, and ids of equal numbers across types.
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
}
