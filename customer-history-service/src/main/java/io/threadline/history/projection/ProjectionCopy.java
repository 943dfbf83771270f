package io.threadline.history.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.threadline.history.customer.graph.CustomerNode;
import io.threadline.history.customer.graph.IdentityOwners;
import io.threadline.history.customer.store.CustomerNodeCodec;
import io.threadline.history.customer.store.IdentityOwnersCodec;
import io.threadline.history.mongo.VersionedCollection;
import org.bson.Document;

/**
 * One complete copy of the read model, generation {@code n}: its collections are named {@code g<n>_<name>}. The
 * service reads the active copy; a rebuild fills a fresh one and then makes it active.
 */
public final class ProjectionCopy {

    /** State documents each collection keeps for its next update (see {@link VersionedCollection}). */
    private static final int CACHED_DOCUMENTS = 2000;

    private final int generation;
    private final VersionedCollection<CustomerNode> customers;
    private final VersionedCollection<IdentityOwners> identities;
    private final VersionedCollection<CustomerHistory> histories;
    private final VersionedCollection<DeliveryState> deliveries;
    private final MongoCollection<Document> entries;

    public ProjectionCopy(MongoDatabase database, int generation) {
        this.generation = generation;
        this.customers = new VersionedCollection<>(database.getCollection(name(generation, "customers")),
                new CustomerNodeCodec(), CACHED_DOCUMENTS);
        this.identities = new VersionedCollection<>(database.getCollection(name(generation, "identities")),
                new IdentityOwnersCodec(), CACHED_DOCUMENTS);
        this.histories = new VersionedCollection<>(database.getCollection(name(generation, "histories")),
                new CustomerHistoryCodec(), CACHED_DOCUMENTS);
        this.deliveries = new VersionedCollection<>(database.getCollection(name(generation, "deliveries")),
                new DeliveryStateCodec(), CACHED_DOCUMENTS);
        this.entries = database.getCollection(name(generation, "entries"));
    }

    static String name(int generation, String collection) {
        return "g" + generation + "_" + collection;
    }

    public void createIndexes() {
        customers.createIndexes();
        identities.createIndexes();
        histories.createIndexes();
        deliveries.createIndexes();
        // Entries need only their _id index: the key is made from the event (EntryKeys), so it also keeps an event
        // from being stored twice. Every further index would cost each insert two more B-tree searches.
    }

    public void drop() {
        customers.drop();
        identities.drop();
        histories.drop();
        deliveries.drop();
        entries.drop();
    }

    public int generation() {
        return generation;
    }

    public VersionedCollection<CustomerNode> customers() {
        return customers;
    }

    public VersionedCollection<IdentityOwners> identities() {
        return identities;
    }

    public VersionedCollection<CustomerHistory> histories() {
        return histories;
    }

    public VersionedCollection<DeliveryState> deliveries() {
        return deliveries;
    }

    public MongoCollection<Document> entries() {
        return entries;
    }
}
