package io.threadline.gateway.outbound;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.threadline.contracts.outbound.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Date;
import java.time.Instant;
import java.util.Optional;

/**
 * What the gateway did with each outbound message, shared by all replicas (MongoDB, keyed by {@code _id} only):
 * {@code outbound_deliveries} by outboundId, so a redelivered reply is not sent twice, and
 * {@code outbound_provider_ids} by {@code channel:providerMessageId}, so a provider's status callback or a bounce
 * finds the outbound message it is about.
 */
@ApplicationScoped
public class OutboundLog {

    /** One finished delivery attempt series. */
    public record Outcome(String outboundId, DeliveryStatus status, String providerMessageId, String error) {
    }

    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> providerIds;

    public OutboundLog(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.deliveries = mongo.getDatabase(database).getCollection("outbound_deliveries");
        this.providerIds = mongo.getDatabase(database).getCollection("outbound_provider_ids");
    }

    public Optional<Outcome> find(String outboundId) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", outboundId)).first())
                .map(d -> new Outcome(outboundId, DeliveryStatus.valueOf(d.getString("status")), d.getString("providerMessageId"),
                        d.getString("error")));
    }

    public void sent(String outboundId, String channel, String providerMessageId) {
        if (providerMessageId != null) {
            rememberProviderId(channel, providerMessageId, outboundId);
        }
        save(outboundId, channel, DeliveryStatus.SENT, providerMessageId, null);
    }

    /** Links a provider's id to the outbound message; adapters whose provider calls back early do it at once. */
    public void rememberProviderId(String channel, String providerMessageId, String outboundId) {
        providerIds.replaceOne(Filters.eq("_id", channel + ":" + providerMessageId),
                new Document("_id", channel + ":" + providerMessageId).append("outboundId", outboundId),
                new ReplaceOptions().upsert(true));
    }

    public void failed(String outboundId, String channel, String providerMessageId, String error) {
        save(outboundId, channel, DeliveryStatus.FAILED, providerMessageId, error);
    }

    /** The outbound message a provider's id belongs to, for status callbacks and bounces. */
    public Optional<String> outboundIdOf(String channel, String providerMessageId) {
        return Optional.ofNullable(providerIds.find(Filters.eq("_id", channel + ":" + providerMessageId)).first())
                .map(d -> d.getString("outboundId"));
    }

    private void save(String outboundId, String channel, DeliveryStatus status, String providerMessageId,
                      String error) {
        Document document = new Document("_id", outboundId).append("channel", channel).append("status", status.name())
                .append("at", Date.from(Instant.now()));
        if (providerMessageId != null) {
            document.append("providerMessageId", providerMessageId);
        }
        if (error != null) {
            document.append("error", error);
        }
        deliveries.replaceOne(Filters.eq("_id", outboundId), document, new ReplaceOptions().upsert(true));
    }
}
