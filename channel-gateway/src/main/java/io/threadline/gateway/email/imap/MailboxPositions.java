package io.threadline.gateway.email.imap;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.threadline.servicekit.mongo.MongoErrors;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

/**
 * How far each mailbox has been read (UIDVALIDITY and the last published UID), and which replica polls it
 * (a lease), shared by all replicas in MongoDB ({@code imap_positions}, one document per mailbox).
 */
@ApplicationScoped
public class MailboxPositions {

    /** The last published UID within one UIDVALIDITY epoch of the folder. */
    public record Position(long uidValidity, long lastUid) {
    }

    private final MongoCollection<Document> positions;

    public MailboxPositions(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.positions = mongo.getDatabase(database).getCollection("imap_positions");
    }

    /** Takes or renews the lease on a mailbox; false while another replica holds a live one. */
    public boolean lease(String mailbox, String replica, Duration length) {
        Instant now = Instant.now();
        Bson mine = or(eq("owner", replica), lt("leaseUntil", Date.from(now)));
        try {
            return positions.findOneAndUpdate(and(eq("_id", mailbox), mine),
                    Updates.combine(Updates.set("owner", replica), Updates.set("leaseUntil", Date.from(now.plus(length)))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)) != null;
        } catch (MongoException e) {
            // The upsert collided with the document of a live lease held by someone else.
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Position> position(String mailbox) {
        Document document = positions.find(eq("_id", mailbox)).first();
        if (document == null || document.get("uidValidity") == null) {
            return Optional.empty();
        }
        return Optional.of(new Position(document.getLong("uidValidity"), document.getLong("lastUid")));
    }

    /** Saves the position if this replica still holds the lease; false if it lost it. */
    public boolean advance(String mailbox, String replica, Position position) {
        return positions.updateOne(and(eq("_id", mailbox), eq("owner", replica)),
                Updates.combine(Updates.set("uidValidity", position.uidValidity()),
                        Updates.set("lastUid", position.lastUid()))).getMatchedCount() == 1;
    }

    /** Lets another replica take over at once, e.g. at shutdown. */
    public void release(String mailbox, String replica) {
        positions.updateOne(and(eq("_id", mailbox), eq("owner", replica)),
                Updates.set("leaseUntil", Date.from(Instant.EPOCH)));
    }
}
