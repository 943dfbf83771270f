package io.threadline.analytics.kpi.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code progress}: per source, the highest position any batch has started to write into this copy (document
 * {@code written}). It is raised before a batch writes its buckets, so no bucket document ever holds a position
 * above it: a batch whose positions all lie above it needs no look at the buckets' own marks.
 */
public final class ProgressStore {

    private static final String WRITTEN = "written";

    private final MongoCollection<Document> progress;

    ProgressStore(MongoCollection<Document> progress) {
        this.progress = progress;
    }

    /** The highest position written per source, keyed by {@link BucketStore#sourceField}; absent if never. */
    public Map<String, Long> written() {
        Map<String, Long> written = new HashMap<>();
        Document doc = progress.find(Filters.eq("_id", WRITTEN)).first();
        if (doc != null) {
            doc.forEach((field, value) -> {
                if (!"_id".equals(field)) {
                    written.put(field, ((Number) value).longValue());
                }
            });
        }
        return written;
    }

    /** Raises each source's mark to at least the given position. */
    public void raise(Map<String, Long> positions) {
        if (positions.isEmpty()) {
            return;
        }
        Document max = new Document();
        positions.forEach((source, position) -> max.append(BucketStore.sourceField(source), position));
        progress.updateOne(Filters.eq("_id", WRITTEN), new Document("$max", max), new UpdateOptions().upsert(true));
    }
}
