package io.threadline.ticket.customer.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.threadline.servicekit.mongo.MongoErrors;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.List;
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
    private final MongoCollection<Document> mergedCustomers;

    public CustomerDirectory(MongoDatabase database) {
        this.identities = database.getCollection("customer_identities");
        this.mergedCustomers = database.getCollection("merged_customers");
    }

    /**
     * Claims an identity for a customer: answers the other customer that owns it already, if one does (the
     * identity's {@code _id} makes two claims race on a unique key, so one identity never has two owners).
     */
    public Optional<String> claim(String identityKey, String customerId) {
        try {
            identities.insertOne(new Document("_id", identityKey).append("customerId", customerId)
                    .append("registered", true));
            return Optional.empty();
        } catch (RuntimeException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            return customerOf(identityKey).filter(owner -> !owner.equals(customerId));
        }
    }

    /** Gives up an identity: its next message finds or registers a customer of its own. */
    public void release(String identityKey) {
        identities.deleteOne(Filters.eq("_id", identityKey));
    }

    /** Points identities at another customer (a merge moved them, or an unmerge gave them back). */
    public void repoint(List<String> identityKeys, String customerId) {
        for (String key : identityKeys) {
            identities.updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("customerId", customerId),
                    Updates.set("registered", true)), new UpdateOptions().upsert(true));
        }
    }

    /** Remembers that a customer was merged into a survivor (null: the merge was undone). */
    public void mergedInto(String customerId, String survivorCustomerId) {
        if (survivorCustomerId == null) {
            mergedCustomers.deleteOne(Filters.eq("_id", customerId));
        } else {
            mergedCustomers.replaceOne(Filters.eq("_id", customerId),
                    new Document("_id", customerId).append("survivor", survivorCustomerId),
                    new ReplaceOptions().upsert(true));
        }
    }

    /** The customer another one was merged into, if it was. */
    public Optional<String> survivorOf(String customerId) {
        return Optional.ofNullable(mergedCustomers.find(Filters.eq("_id", customerId)).first())
                .map(doc -> doc.getString("survivor"));
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
