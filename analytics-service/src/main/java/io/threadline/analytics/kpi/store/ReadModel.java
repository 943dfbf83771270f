package io.threadline.analytics.kpi.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * One complete copy of the analytics read model: its collections carry the generation in their names
 * ({@code g1_buckets}, {@code g1_tickets}…), so a rebuild fills a fresh copy while the current one is served.
 */
public final class ReadModel {

    /**
     * The layout of the documents this version writes and reads. Raised with every change a copy written before
     * cannot answer rightly (so far: hour documents, bins documents and eight cuboids, the channel-and-agent cuboid,
     * week bins, key directories); a served copy of an older layout is rebuilt on start ({@code ReadModelUpgrade}).
     */
    public static final int LAYOUT = 5;

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

    public ProgressStore progress() {
        return new ProgressStore(collection("progress"));
    }

    /** Names this copy among all copies of all databases: what a projection may remember between batches is per copy. */
    public String id() {
        return database.getName() + "/" + generation;
    }

    /** Whether nothing has been projected into this copy yet. */
    public boolean isEmpty() {
        return collection("progress").find().first() == null;
    }

    public OpenTicketStore openTickets() {
        return new OpenTicketStore(collection("open_tickets"));
    }

    /** Removes every collection of this generation (only existing ones: the stand-in logs an error for others). */
    public void drop() {
        List<String> existing = database.listCollectionNames().into(new ArrayList<>());
        for (String name : List.of("buckets", "tickets", "customers", "open_tickets", "progress")) {
            if (existing.contains(prefix() + name)) {
                collection(name).drop();
            }
        }
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(prefix() + name);
    }

    private String prefix() {
        return "g" + generation + "_";
    }
}
