package io.threadline.ticket.ticket.threading;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * What points explicitly at a ticket: email Message-IDs exchanged on it, its number, a chat session, a social
 * conversation, and the messages and replies it holds. Each key is a document {@code _id}, so every lookup is
 * an exact {@code _id} match on MongoDB and on the stand-in alike. The owning customer is kept with the ticket:
 * a reference only counts for the ticket's own customer (two customers answering one newsletter stay apart).
 */
@ApplicationScoped
public class ThreadIndex {

    /** The ticket a key points at, and whose ticket it is. */
    public record Target(String ticketId, String customerId) {
    }

    private final MongoCollection<Document> keys;

    public ThreadIndex(MongoDatabase database) {
        this.keys = database.getCollection("thread_index");
    }

    public Optional<Target> find(ThreadKey key) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", key.value())).first())
                .map(doc -> new Target(doc.getString("ticketId"), doc.getString("customerId")));
    }

    /** Points the keys at the ticket, in one round trip; a later ticket (a follow-up) takes a key over. */
    public void point(List<ThreadKey> pointing, String ticketId, String customerId) {
        if (pointing.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> upserts = pointing.stream()
                .map(key -> new ReplaceOneModel<>(Filters.eq("_id", key.value()),
                        new Document("_id", key.value()).append("ticketId", ticketId).append("customerId", customerId),
                        new ReplaceOptions().upsert(true)))
                .toList();
        keys.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
    }
}
