package io.threadline.analytics.kpi.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * One complete copy of the analytics read model: its collections carry the generation in their names
 * ({@code g1_buckets}, {@code g1_tickets}…), so a rebuild fills a fresh copy while the current one is served.
 */
public final class ReadModel {

    private final MongoDatabase database;
    private final int generation;

    public ReadModel(MongoDatabase database, int generation) {
        this.database = database;
        this.generation = generation;
    }

    public int generation() {
        return generation;
    }

    public BucketStore buckets() {
        return new BucketStore(collection("buckets"));
    }

    public TicketStateStore tickets() {
        return new TicketStateStore(collection("tickets"));
    }

    public CustomerStateStore customers() {
        return new CustomerStateStore(collection("customers"));
    }

    public OpenTicketStore openTickets() {
        return new OpenTicketStore(collection("open_tickets"));
    }

    /** Removes every collection of this generation. */
    public void drop() {
        for (String name : new String[]{"buckets", "tickets", "customers", "open_tickets"}) {
            collection(name).drop();
        }
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection("g" + generation + "_" + name);
    }
}
