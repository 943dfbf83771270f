package io.threadline.analytics.kpi.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Which copy of the read model is served and fed live ({@code read_model} document {@code active}), and the lock
 * that lets a rebuild switch copies between two live batches. Queries use {@link #served()}, which reads the
 * pointer at most once a second: a KPI request then costs only its bucket reads.
 */
@ApplicationScoped
public class ActiveReadModel {

    private static final String ACTIVE = "active";
    private static final long SERVED_TTL_NANOS = 1_000_000_000L;

    private final MongoDatabase database;
    private final MongoCollection<Document> pointer;
    private final ReadWriteLock switchLock = new ReentrantReadWriteLock(true);
    private volatile Served served;

    private record Served(int generation, long readAtNanos) {
    }

    public ActiveReadModel(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.database = mongo.getDatabase(database);
        this.pointer = this.database.getCollection("read_model");
    }

    /** The copy served now, as stored: generation 1 until a rebuild switches. Live batches write to it. */
    public ReadModel current() {
        Document active = pointer.find(Filters.eq("_id", ACTIVE)).first();
        int generation = active == null ? 1 : active.getInteger("generation");
        remember(generation);
        return generation(generation);
    }

    /**
     * The copy to answer queries from: {@link #current()} as read at most {@link #SERVED_TTL_NANOS} ago. A switch in
     * this instance is seen at once; another instance's after at most that long.
     */
    public ReadModel served() {
        Served known = served;
        if (known == null || System.nanoTime() - known.readAtNanos() > SERVED_TTL_NANOS) {
            return current();
        }
        return generation(known.generation());
    }

    public ReadModel generation(int generation) {
        return new ReadModel(database, generation);
    }

    /** Live batches hold the read lock while they write to the current copy; a switch takes the write lock. */
    public ReadWriteLock switchLock() {
        return switchLock;
    }

    public void switchTo(int generation) {
        pointer.replaceOne(Filters.eq("_id", ACTIVE), new Document("_id", ACTIVE).append("generation", generation),
                new ReplaceOptions().upsert(true));
        remember(generation);
    }

    /** Generations only grow: a pointer read that raced with a switch must not bring back the dropped copy. */
    private synchronized void remember(int generation) {
        Served known = served;
        if (known == null || generation >= known.generation()) {
            served = new Served(generation, System.nanoTime());
        }
    }
}
