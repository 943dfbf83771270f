package io.threadline.ticket.relay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.BsonDocument;
import org.bson.Document;

import java.util.Optional;

/** Where the relay stands in the event collection's change stream: the resume token after the last acked event. */
@ApplicationScoped
public class RelayPosition {

    private static final String ID = "event-relay";

    private final MongoCollection<Document> positions;

    public RelayPosition(MongoDatabase database) {
        this.positions = database.getCollection("relay_positions");
    }

    public Optional<BsonDocument> load() {
        return Optional.ofNullable(positions.find(Filters.eq("_id", ID)).first())
                .map(doc -> doc.get("resumeToken", Document.class))
                .map(token -> token.toBsonDocument());
    }

    public void save(BsonDocument resumeToken) {
        positions.replaceOne(Filters.eq("_id", ID),
                new Document("_id", ID).append("resumeToken", resumeToken).append("savedAt", new java.util.Date()),
                new ReplaceOptions().upsert(true));
    }
}
