package io.threadline.history.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Which copy of the read model is served ({@code active}) and which one a rebuild is filling ({@code building}),
 * in the {@code projection} collection so that every replica agrees. Consumers write to both while a rebuild runs,
 * so the new copy misses nothing that arrives meanwhile; queries read the active one.
 */
@Singleton
public class ProjectionCopies {

    private static final String ID = "copies";
    private static final long ACTIVE_CACHE_MILLIS = 1000;
    /**
     * How long consumers keep writing to the copies they last read (one read per batch would be a round trip per
     * batch): a rebuild takes the end of the source for its end only once {@link #SETTLE} has passed since it started,
     * so every event it does not read went to its copy, and an abandoned copy is dropped only after that time too.
     */
    private static final long TARGETS_CACHE_MILLIS = 1000;
    public static final Duration SETTLE = Duration.ofMillis(2 * TARGETS_CACHE_MILLIS);

    private final MongoDatabase database;
    private final MongoCollection<Document> meta;
    private final Map<Integer, ProjectionCopy> instances = new ConcurrentHashMap<>();
    private volatile ProjectionCopy cachedActive;
    private volatile long cachedAt;
    private volatile Targets cachedTargets;

    public ProjectionCopies(MongoDatabase database) {
        this.database = database;
        this.meta = database.getCollection("projection");
    }

    void init(@Observes StartupEvent startup) {
        initialize();
    }

    /** Records generation 1 as active on a fresh database and makes sure the active copy has its indexes. */
    public void initialize() {
        meta.updateOne(Filters.eq("_id", ID), Updates.setOnInsert("active", 1), new UpdateOptions().upsert(true));
        read().active().createIndexes();
    }

    /** The copy queries read; at most a second stale, which only matters right after a switch. */
    public ProjectionCopy active() {
        ProjectionCopy copy = cachedActive;
        if (copy == null || System.currentTimeMillis() - cachedAt > ACTIVE_CACHE_MILLIS) {
            copy = read().active();
            cachedActive = copy;
            cachedAt = System.currentTimeMillis();
        }
        return copy;
    }

    /** The copies a consumer writes to: the active one, and the one being rebuilt if any; at most a second stale. */
    public List<ProjectionCopy> writeTargets() {
        Targets targets = cachedTargets;
        long now = System.currentTimeMillis();
        if (targets == null || now - targets.readAt() > TARGETS_CACHE_MILLIS) {
            State state = read();
            List<ProjectionCopy> copies = new ArrayList<>(List.of(state.active()));
            state.building().ifPresent(copies::add);
            targets = new Targets(List.copyOf(copies), now);
            cachedTargets = targets;
        }
        return targets.copies();
    }

    /** Starts a fresh copy (dropping leftovers of an earlier attempt), or empty if a rebuild is running already. */
    public Optional<ProjectionCopy> startBuilding() {
        State state = read();
        int generation = Math.max(state.active().generation(), state.building().map(ProjectionCopy::generation).orElse(0)) + 1;
        Document claimed = meta.findOneAndUpdate(Filters.and(Filters.eq("_id", ID), Filters.eq("building", null)),
                Updates.set("building", generation));
        if (claimed == null) {
            return Optional.empty();
        }
        cachedTargets = null;
        ProjectionCopy copy = copy(generation);
        copy.drop();
        copy.createIndexes();
        return Optional.of(copy);
    }

    /** Serves {@code built} from now on. */
    public void switchTo(ProjectionCopy built) {
        meta.updateOne(Filters.eq("_id", ID), Updates.combine(Updates.set("active", built.generation()),
                Updates.set("building", null)));
        cachedActive = built;
        cachedAt = System.currentTimeMillis();
        cachedTargets = null;
    }

    /** Gives up a rebuild: consumers stop writing to its copy, which is dropped once they have (blocks that long). */
    public void abandon(ProjectionCopy building) throws InterruptedException {
        meta.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("building", building.generation())),
                Updates.set("building", null));
        cachedTargets = null;
        TimeUnit.MILLISECONDS.sleep(SETTLE.toMillis());
        building.drop();
    }

    private State read() {
        Document doc = meta.find(Filters.eq("_id", ID)).first();
        int active = doc == null || doc.get("active") == null ? 1 : doc.get("active", Number.class).intValue();
        Number building = doc == null ? null : doc.get("building", Number.class);
        return new State(copy(active), Optional.ofNullable(building).map(b -> copy(b.intValue())));
    }

    /** One instance per generation, so that its collections' caches serve every writer of this process. */
    private ProjectionCopy copy(int generation) {
        return instances.computeIfAbsent(generation, g -> new ProjectionCopy(database, g));
    }

    private record State(ProjectionCopy active, Optional<ProjectionCopy> building) {
    }

    private record Targets(List<ProjectionCopy> copies, long readAt) {
    }
}
