package io.threadline.history.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.threadline.history.customer.graph.CustomerNode;
import io.threadline.history.customer.graph.IdentityOwners;
import io.threadline.history.customer.store.CustomerNodeCodec;
import io.threadline.history.customer.store.IdentityOwnersCodec;
import io.threadline.history.mongo.VersionedCollection;
import org.bson.Document;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One complete copy of the read model, generation {@code n}: its collections are named {@code g<n>_<name>}. The
 * service reads the active copy; a rebuild fills a fresh one and then makes it active.
 */
public final class ProjectionCopy {

    /** State documents each collection keeps for its next update (see {@link VersionedCollection}). */
    private static final int CACHED_DOCUMENTS = 2000;

    private final MongoDatabase database;
    private final int generation;
    private final VersionedCollection<CustomerNode> customers;
    private final VersionedCollection<IdentityOwners> identities;
    private final VersionedCollection<CustomerHistory> histories;
    private final VersionedCollection<DeliveryState> deliveries;
    private final MongoCollection<Document> entries;

    public ProjectionCopy(MongoDatabase database, int generation) {
        this.database = database;
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

    /** Drops the collections of this copy that exist (the stand-in logs an error for dropping one that does not). */
    public void drop() {
        Set<String> existing = database.listCollectionNames().into(new HashSet<>());
        for (VersionedCollection<?> state : List.of(customers, identities, histories, deliveries)) {
            if (existing.contains(nameOf(state.collection()))) {
                state.drop();
            }
        }
        if (existing.contains(nameOf(entries))) {
            entries.drop();
        }
    }

    private static String nameOf(MongoCollection<?> collection) {
        return collection.getNamespace().getCollectionName();
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
