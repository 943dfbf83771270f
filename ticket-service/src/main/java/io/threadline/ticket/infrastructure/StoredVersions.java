package io.threadline.ticket.infrastructure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

/**
 * Whether an aggregate's copy is still its latest version in the event store. With several replicas, another one may
 * have appended to the aggregate since this replica cached it. Sequence numbers have no gaps, so the copy at version
 * {@code v} is current exactly when the store has no event {@code v + 1}: one lookup by aggregate and sequence number,
 * the key of the store's unique index (served by that index on MongoDB and on the stand-in alike, whereas the
 * store's own "last sequence number" query sorts, and scans the whole collection on the stand-in).
 */
class StoredVersions {

    private final MongoCollection<Document> events;
    private final String aggregateField;
    private final String sequenceField;

    StoredVersions(MongoDatabase database) {
        EventEntryConfiguration entries = EventEntryConfiguration.getDefault();
        this.events = database.getCollection(AxonConfiguration.EVENTS_COLLECTION);
        this.aggregateField = entries.aggregateIdentifierProperty();
        this.sequenceField = entries.sequenceNumberProperty();
    }

    boolean isLatest(String aggregateId, long version) {
        // A plain document, not Filters.and: the driver renders that as $and, which the stand-in does not match to
        // the index.
        return events.find(new Document(aggregateField, aggregateId).append(sequenceField, version + 1))
                .projection(Projections.include("_id")).first() == null;
    }
}
