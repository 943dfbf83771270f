package io.threadline.bench.yardstick;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How fast a plain client inserts small documents into the same MongoDB (on the local stack, the file-backed
 * stand-in that also holds the event store and the read models). Time-boxed: the stand-in can be far slower
 * than Kafka, and a yardstick should not dominate the run.
 */
public final class MongoYardstick {

    public static final String DATABASE = "threadline-bench";
    public static final String COLLECTION = "raw";
    public static final int BATCH = 1000;
    public static final Duration TIME_BUDGET = Duration.ofSeconds(60);
    /** _id (17 B) + seq (9 B) + the payload field (14 B + text) + document framing (5 B) = 500 B of BSON. */
    public static final int DOCUMENT_BYTES = 500;
    private static final String PAYLOAD = "x".repeat(DOCUMENT_BYTES - 45);

    private final String connectionString;

    public MongoYardstick(String connectionString) {
        this.connectionString = connectionString;
    }

    public YardstickResult run(int documents) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoDatabase database = client.getDatabase(DATABASE);
            MongoCollection<Document> raw = database.getCollection(COLLECTION);
            // Only when left over by an interrupted run: the stand-in logs a stack trace for dropping nothing.
            if (database.listCollectionNames().into(new ArrayList<>()).contains(COLLECTION)) {
                raw.drop();
            }
            try {
                return insert(raw, documents);
            } finally {
                raw.drop();
            }
        } catch (MongoException e) {
            throw new IllegalStateException("MongoDB at " + connectionString + " failed: " + e.getMessage(), e);
        }
    }

    private static YardstickResult insert(MongoCollection<Document> raw, int documents) {
        long started = System.nanoTime();
        long budgetEnd = started + TIME_BUDGET.toNanos();
        int inserted = 0;
        while (inserted < documents && System.nanoTime() < budgetEnd) {
            int size = Math.min(BATCH, documents - inserted);
            // Fresh documents each batch: insertMany assigns their _id.
            List<Document> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(new Document("seq", inserted + i).append("payload", PAYLOAD));
            }
            raw.insertMany(batch);
            inserted += size;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        String note = inserted < documents
                ? "stopped at the " + TIME_BUDGET.toSeconds() + " s budget after " + inserted + " of " + documents
                : null;
        return new YardstickResult("MongoDB insertMany", documents, inserted, 0, DOCUMENT_BYTES, elapsed, note);
    }
}
