package io.threadline.servicekit.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

/**
 * A lease on one document of a collection: which replica does a job only one may do at a time (relay a stream,
 * poll a mailbox). The holder renews it well before it runs out; when the holder dies, another takes it over once
 * it expired, and at once when the holder released it. The lease lives in the fields {@code owner} and
 * {@code leaseUntil} of the document, which may hold the job's own state too (a position):
 * {@link #updateIfHeld} writes that state only while the lease is still this holder's, so a holder that lost it
 * cannot overwrite its successor's progress.
 *
 * <p>Expiry compares the replicas' clocks: their skew must stay well below the lease length. Works on MongoDB and on
 * the stand-in alike: every filter starts with the document's {@code _id}.
 */
public final class MongoLease {

    static final String OWNER = "owner";
    static final String UNTIL = "leaseUntil";

    private final MongoCollection<Document> documents;
    private final String id;
    private final String holder;
    private final Duration length;
    private final Clock clock;

    public MongoLease(MongoCollection<Document> documents, String id, String holder, Duration length) {
        this(documents, id, holder, length, Clock.systemUTC());
    }

    public MongoLease(MongoCollection<Document> documents, String id, String holder, Duration length, Clock clock) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("A lease needs a positive length, not " + length);
        }
        this.documents = documents;
        this.id = id;
        this.holder = holder;
        this.length = length;
        this.clock = clock;
    }

    public String holder() {
        return holder;
    }

    /**
     * Takes the lease, or renews it if this holder has it. Answers until when the holder may act on it, by its own
     * clock (measured from before the request, so never later than other replicas see it run out); empty while
     * another replica holds a live lease.
     */
    public Optional<Instant> acquire() {
        Instant now = clock.instant();
        Instant until = now.plus(length);
        Bson takeable = or(eq(OWNER, holder), lt(UNTIL, Date.from(now)), exists(UNTIL, false));
        try {
            Document taken = documents.findOneAndUpdate(and(eq("_id", id), takeable),
                    Updates.combine(Updates.set(OWNER, holder), Updates.set(UNTIL, Date.from(until))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return Optional.ofNullable(taken).map(document -> until);
        } catch (MongoException e) {
            // The upsert collided with the document of a live lease held by another replica.
            if (MongoErrors.isDuplicateKey(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Applies an update to the lease's document only while this holder's lease is live; false if it is not (it
     * expired, or another replica took it over): the caller must stop acting on it.
     */
    public boolean updateIfHeld(Bson update) {
        return documents.updateOne(and(eq("_id", id), eq(OWNER, holder), gt(UNTIL, Date.from(clock.instant()))),
                update).getMatchedCount() == 1;
    }

    /** Lets another replica take over at once, e.g. at shutdown. Does nothing if this holder has no lease. */
    public void release() {
        documents.updateOne(and(eq("_id", id), eq(OWNER, holder)), Updates.set(UNTIL, Date.from(Instant.EPOCH)));
    }
}
