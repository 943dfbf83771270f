package io.threadline.history.timeline.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import io.threadline.servicekit.mongo.MongoErrors;
import io.threadline.history.timeline.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Timeline entries ({@code _id} entryId) of every customer, read in (occurredAt, _id) order. */
@ApplicationScoped
public class TimelineStore {

    private final MongoCollection<Document> timeline;

    public TimelineStore(MongoDatabase database) {
        this.timeline = database.getCollection("timeline");
    }

    void createIndexes(@Observes StartupEvent startup) {
        // Serves the page query (equality, then the sort) on real MongoDB; the stand-in ignores it and scans.
        timeline.createIndex(Indexes.ascending("customerId", "occurredAt", "_id"));
    }

    /** Adds an entry; false if one with its id exists already, which leaves the stored entry untouched. */
    public boolean add(String customerId, TimelineEntry entry) {
        try {
            timeline.insertOne(TimelineDocuments.toDocument(customerId, entry));
            return true;
        } catch (RuntimeException failure) {
            if (MongoErrors.isDuplicateKey(failure)) {
                return false;
            }
            throw failure;
        }
    }

    /** Up to {@code count} entries of a customer in timeline order, starting right after {@code after} (or at the start). */
    public List<TimelineEntry> read(String customerId, TimelinePosition after, int count) {
        return timeline.find(filter(customerId, after))
                .sort(Sorts.ascending("occurredAt", "_id"))
                .limit(count)
                .map(TimelineDocuments::toEntry)
                .into(new ArrayList<>());
    }

    public boolean hasEntries(String customerId) {
        return timeline.find(Filters.eq("customerId", customerId)).projection(new Document("_id", 1)).first() != null;
    }

    private static Bson filter(String customerId, TimelinePosition after) {
        Bson ofCustomer = Filters.eq("customerId", customerId);
        if (after == null) {
            return ofCustomer;
        }
        Date occurredAt = Date.from(after.occurredAt());
        return Filters.and(ofCustomer, Filters.or(
                Filters.gt("occurredAt", occurredAt),
                Filters.and(Filters.eq("occurredAt", occurredAt), Filters.gt("_id", after.entryId()))));
    }
}
