package io.threadline.analytics.facts.store;

import com.mongodb.client.MongoClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** {@code ticket_facts}: one document per ticket, keyed by ticket id. */
@ApplicationScoped
public class TicketFactStore {

    static final String COLLECTION = "ticket_facts";

    private final FactCollection facts;

    public TicketFactStore(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.facts = new FactCollection(mongo.getDatabase(database).getCollection(COLLECTION), "openedAt");
    }

    /** False when the ticket was recorded before: a redelivered TicketOpened. */
    public boolean recordOpened(TicketFact fact) {
        return facts.insertOnce(new Document("_id", fact.ticketId())
                .append("channel", fact.channel())
                .append("customerId", fact.customerId())
                .append("openedAt", Date.from(fact.openedAt())));
    }

    public List<SlotCount> countOpened(Instant from, Instant to, Optional<String> channel) {
        return facts.countBySlot(from, to, channel);
    }

    void ensureIndexes() {
        facts.ensureTimeIndex();
    }
}
