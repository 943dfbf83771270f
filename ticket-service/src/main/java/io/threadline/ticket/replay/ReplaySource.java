package io.threadline.ticket.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.ticket.infrastructure.AxonConfiguration;
import io.threadline.ticket.relay.IntegrationEventMapper;
import io.threadline.ticket.relay.StoredEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every stored event as its integration event, in event-store order, page by page: the source read models rebuild
 * from. Read from the event store itself (not from Kafka), so a rebuild sees exactly what ticket-service holds,
 * independent of topic retention.
 */
@ApplicationScoped
public class ReplaySource {

    /** A page of events and where the next page starts (null at the end of the store as it is now). */
    public record Page(List<IntegrationEvent> events, String nextCursor) {
    }

    private final MongoCollection<Document> events;
    private final StoredEvents storedEvents;
    private final IntegrationEventMapper mapper;

    public ReplaySource(MongoDatabase database, StoredEvents storedEvents, IntegrationEventMapper mapper) {
        this.events = database.getCollection(AxonConfiguration.EVENTS_COLLECTION);
        this.storedEvents = storedEvents;
        this.mapper = mapper;
    }

    /** Up to {@code limit} stored documents after {@code after} (a cursor of an earlier page, or null). */
    public Page page(ReplayCursor after, int limit) {
        Bson query = after == null ? new Document() : Filters.gt("_id", after.documentId());
        List<Document> stored = new ArrayList<>(limit);
        events.find(query).sort(Sorts.ascending("_id")).limit(limit).into(stored);
        List<IntegrationEvent> page = new ArrayList<>();
        for (Document document : stored) {
            DomainEventStream domainEvents = storedEvents.read(document);
            while (domainEvents.hasNext()) {
                mapper.toEvent(domainEvents.next()).ifPresent(page::add);
            }
        }
        String next = stored.size() < limit ? null
                : new ReplayCursor(stored.get(stored.size() - 1).getObjectId("_id")).encode();
        return new Page(page, next);
    }

    /** A position in the event store: the id of the last document a page held. */
    public record ReplayCursor(ObjectId documentId) {

        public String encode() {
            return documentId.toHexString();
        }

        public static Optional<ReplayCursor> decode(String cursor) {
            return ObjectId.isValid(cursor) ? Optional.of(new ReplayCursor(new ObjectId(cursor))) : Optional.empty();
        }
    }
}
