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
 * that lets a rebuild switch copies between two live batches.
 */
@ApplicationScoped
public class ActiveReadModel {

    private static final String ACTIVE = "active";

    private final MongoDatabase database;
    private final MongoCollection<Document> pointer;
    private final ReadWriteLock switchLock = new ReentrantReadWriteLock(true);

    public ActiveReadModel(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.database = mongo.getDatabase(database);
        this.pointer = this.database.getCollection("read_model");
    }

    /** The copy served now: generation 1 until a rebuild switches. */
    public ReadModel current() {
        Document active = pointer.find(Filters.eq("_id", ACTIVE)).first();
        return generation(active == null ? 1 : active.getInteger("generation"));
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
    }
}
