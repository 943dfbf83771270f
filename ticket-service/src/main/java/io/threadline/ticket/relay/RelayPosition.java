package io.threadline.ticket.relay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.BsonDocument;
import org.bson.Document;

import java.util.Date;
import java.util.Optional;

/**
 * Where the relay stands in the event collection's change stream: the resume token after the last acked event. The
 * same document holds the relay's lease ({@link RelayLeadership}), so only the lease's live holder saves it.
 */
class RelayPosition {

    static final String COLLECTION = "relay_positions";
    static final String ID = "event-relay";

    private final MongoCollection<Document> positions;
    private final RelayLeadership leadership;

    RelayPosition(MongoDatabase database, RelayLeadership leadership) {
        this.positions = database.getCollection(COLLECTION);
        this.leadership = leadership;
    }

    Optional<BsonDocument> load() {
        return Optional.ofNullable(positions.find(Filters.eq("_id", ID)).first())
                .map(doc -> doc.get("resumeToken", Document.class))
                .map(Document::toBsonDocument);
    }

    /** Saves the position; throws {@link RelayLeadership.LeadershipLost} if this replica no longer leads. */
    void save(BsonDocument resumeToken) {
        leadership.updateIfLeading(Updates.combine(Updates.set("resumeToken", resumeToken),
                Updates.set("savedAt", new Date())));
    }
}
