package io.threadline.gateway.inbound;

import com.mongodb.client.model.Filters;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.threadline.servicekit.mongo.MongoErrors;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Which provider messages were already accepted, shared by every gateway replica. Best effort by design:
 * when MongoDB cannot answer, the message is published anyway, because ticket-service deduplicates too and
 * losing a message is worse than a duplicate.
 */
@ApplicationScoped
public class InboundReceipts {

    private static final Logger LOG = Logger.getLogger(InboundReceipts.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveMongoCollection<Document> receipts;

    public InboundReceipts(ReactiveMongoClient mongo,
                           @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.mongodb.database")
                           String database) {
        this.receipts = mongo.getDatabase(database).getCollection("inbound_receipts");
    }

    /** When this provider message was accepted before, if it was. */
    public Uni<Optional<Instant>> acceptedAt(String channel, String providerMessageId) {
        return receipts.find(Filters.eq("_id", id(channel, providerMessageId))).collect().first()
                .map(doc -> Optional.ofNullable(doc).map(d -> d.getDate("acceptedAt").toInstant()))
                .ifNoItem().after(LOOKUP_TIMEOUT).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Receipt lookup failed, publishing without deduplication: %s", failure.toString());
                    return Optional.empty();
                });
    }

    public Uni<Void> record(String channel, String providerMessageId, Instant acceptedAt) {
        Document receipt = new Document("_id", id(channel, providerMessageId)).append("acceptedAt", Date.from(acceptedAt));
        return receipts.insertOne(receipt).replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    if (!MongoErrors.isDuplicateKey(failure)) {
                        LOG.warnf("Could not record receipt of %s:%s: %s", channel, providerMessageId, failure.toString());
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    private static String id(String channel, String providerMessageId) {
        return channel + ":" + providerMessageId;
    }
}
