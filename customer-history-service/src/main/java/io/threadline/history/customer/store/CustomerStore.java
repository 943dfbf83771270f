package io.threadline.history.customer.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.threadline.contracts.inbound.Channel;
import io.threadline.history.customer.Customer;
import io.threadline.history.customer.CustomerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * Customers ({@code _id} customerId, displayName, identities) and the identity index ({@code _id}
 * {@code channel:address}, customerId) that answers lookups by exact {@code _id} match.
 */
@ApplicationScoped
public class CustomerStore {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> customers;
    private final MongoCollection<Document> identities;

    public CustomerStore(MongoDatabase database) {
        this.customers = database.getCollection("customers");
        this.identities = database.getCollection("identities");
    }

    /**
     * Records a registration. Upserts with {@code $setOnInsert} and {@code $addToSet}: a redelivered event finds
     * everything in place and changes nothing, and never undoes what later events changed.
     */
    public void register(String customerId, String displayName, CustomerIdentity identity) {
        CustomerIdentity normalized = new CustomerIdentity(identity.channel(),
                Channel.normalizeAddress(identity.channel(), identity.address()), identity.verified());
        customers.updateOne(Filters.eq("_id", customerId), Updates.combine(
                Updates.setOnInsert("displayName", displayName),
                Updates.addToSet("identities", identityDocument(normalized))), UPSERT);
        identities.updateOne(Filters.eq("_id", Channel.identityKey(normalized.channel(), normalized.address())),
                Updates.setOnInsert("customerId", customerId), UPSERT);
    }

    public Optional<Customer> findById(String customerId) {
        return Optional.ofNullable(customers.find(Filters.eq("_id", customerId)).first()).map(CustomerStore::customer);
    }

    /** The customer an identity key ({@link Channel#identityKey}) belongs to. */
    public Optional<String> customerIdOf(String identityKey) {
        return Optional.ofNullable(identities.find(Filters.eq("_id", identityKey)).first())
                .map(doc -> doc.getString("customerId"));
    }

    public boolean exists(String customerId) {
        return customers.find(Filters.eq("_id", customerId)).projection(new Document("_id", 1)).first() != null;
    }

    private static Document identityDocument(CustomerIdentity identity) {
        return new Document("channel", identity.channel())
                .append("address", identity.address())
                .append("verified", identity.verified());
    }

    private static Customer customer(Document doc) {
        List<CustomerIdentity> identities = doc.getList("identities", Document.class, List.of()).stream()
                .map(i -> new CustomerIdentity(i.getString("channel"), i.getString("address"),
                        Boolean.TRUE.equals(i.getBoolean("verified"))))
                .toList();
        return new Customer(doc.getString("_id"), doc.getString("displayName"), identities);
    }
}
