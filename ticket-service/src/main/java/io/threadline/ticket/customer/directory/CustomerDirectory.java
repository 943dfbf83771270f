package io.threadline.ticket.customer.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.threadline.servicekit.mongo.MongoErrors;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.Optional;
import java.util.UUID;

/**
 * Which customer an identity ({@code channel:address}) belongs to. The identity is the document's {@code _id},
 * so two simultaneous first messages from one new address race on a unique key and yield one customer.
 */
@ApplicationScoped
public class CustomerDirectory {

    /** The customer an identity resolved to, and whether its aggregate is known to exist already. */
    public record Resolution(String customerId, boolean registered) {
    }

    private final MongoCollection<Document> identities;

    public CustomerDirectory(MongoDatabase database) {
        this.identities = database.getCollection("customer_identities");
    }

    /** The identity's customer, claiming a new customer id for it if it has none. */
    public Resolution resolve(String identityKey) {
        Optional<Resolution> known = find(identityKey);
        if (known.isPresent()) {
            return known.get();
        }
        String customerId = UUID.randomUUID().toString();
        try {
            identities.insertOne(new Document("_id", identityKey).append("customerId", customerId)
                    .append("registered", false));
            return new Resolution(customerId, false);
        } catch (RuntimeException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return find(identityKey).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** The customer an identity belongs to, if it is known. */
    public Optional<String> customerOf(String identityKey) {
        return find(identityKey).map(Resolution::customerId);
    }

    /** Remembers that the customer's aggregate exists, so later messages skip registering it. */
    public void markRegistered(String identityKey) {
        identities.updateOne(Filters.eq("_id", identityKey), Updates.set("registered", true));
    }

    private Optional<Resolution> find(String identityKey) {
        return Optional.ofNullable(identities.find(Filters.eq("_id", identityKey)).first())
                .map(doc -> new Resolution(doc.getString("customerId"), doc.getBoolean("registered", false)));
    }
}
