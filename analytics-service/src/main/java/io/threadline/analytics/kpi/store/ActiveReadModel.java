package io.threadline.analytics.kpi.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.threadline.servicekit.mongo.MongoErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Date;
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

    @Inject
    public ActiveReadModel(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this(mongo.getDatabase(database));
    }

    public ActiveReadModel(MongoDatabase database) {
        this.database = database;
        this.pointer = database.getCollection("read_model");
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

    /** Serves {@code generation}, a copy of this version's layout (a rebuild's). */
    public void switchTo(int generation) {
        pointer.replaceOne(Filters.eq("_id", ACTIVE), new Document("_id", ACTIVE).append("generation", generation)
                .append("layout", ReadModel.LAYOUT), new ReplaceOptions().upsert(true));
        remember(generation);
    }

    /**
     * The layout of the served copy: as recorded, 0 for a copy recorded before layouts were (older than every
     * layout). A first copy not yet recorded is this version's if nothing was projected into it yet (a new install,
     * recorded now), else older.
     */
    public int servedLayout() {
        Document active = pointer.find(Filters.eq("_id", ACTIVE)).first();
        if (active == null) {
            Document first = new Document("_id", ACTIVE).append("generation", 1);
            if (generation(1).isEmpty()) {
                first.append("layout", ReadModel.LAYOUT);
            }
            try {
                pointer.insertOne(first);
            } catch (MongoException e) {
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
            }
            active = pointer.find(Filters.eq("_id", ACTIVE)).first();
        }
        return active.get("layout", 0);
    }

    /**
     * Claims the upgrade of a served copy of an older layout for this instance: true for one instance only, until
     * {@code retryAfter} has passed (a claimant that died, or whose rebuild failed, leaves the claim behind).
     */
    public boolean claimUpgrade(Duration retryAfter) {
        Date now = new Date();
        Document claim = pointer.findOneAndUpdate(Filters.and(Filters.eq("_id", ACTIVE),
                        Filters.or(Filters.exists("upgradeClaimedAt", false),
                                Filters.lt("upgradeClaimedAt", Date.from(now.toInstant().minus(retryAfter))))),
                Updates.set("upgradeClaimedAt", now), new FindOneAndUpdateOptions().upsert(false));
        return claim != null;
    }

    /** Generations only grow: a pointer read that raced with a switch must not bring back the dropped copy. */
    private synchronized void remember(int generation) {
        Served known = served;
        if (known == null || generation >= known.generation()) {
            served = new Served(generation, System.nanoTime());
        }
    }
}
