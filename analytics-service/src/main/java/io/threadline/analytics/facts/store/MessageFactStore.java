package io.threadline.analytics.facts.store;

import com.mongodb.client.MongoClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** {@code message_facts}: one document per inbound message, keyed by message id. */
@ApplicationScoped
public class MessageFactStore {

    static final String COLLECTION = "message_facts";

    private final FactCollection facts;

    public MessageFactStore(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.facts = new FactCollection(mongo.getDatabase(database).getCollection(COLLECTION), "receivedAt");
    }

    /** False when the message was recorded before: a redelivered MessageReceived. */
    public boolean recordReceived(MessageFact fact) {
        return facts.insertOnce(new Document("_id", fact.messageId())
                .append("ticketId", fact.ticketId())
                .append("channel", fact.channel())
                .append("receivedAt", Date.from(fact.receivedAt())));
    }

    public List<SlotCount> countReceived(Instant from, Instant to, Optional<String> channel) {
        return facts.countBySlot(from, to, channel);
    }

    void ensureIndexes() {
        facts.ensureTimeIndex();
    }
}
