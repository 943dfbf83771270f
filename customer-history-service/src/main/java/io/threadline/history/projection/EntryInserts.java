package io.threadline.history.projection;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import io.threadline.history.mongo.DuplicateKeys;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.store.EntryDocuments;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Inserts timeline entries, unordered, in chunks: while one chunk is being written, the next is encoded on the
 * caller's thread, so a large batch (a rebuild's) keeps the service and MongoDB busy at the same time instead of in
 * turn. A batch of one chunk (every live batch) is written on the caller's thread alone.
 */
final class EntryInserts implements AutoCloseable {

    static final int ENTRIES_PER_WRITE = 2000;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final ExecutorService writer = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "history-entry-writer");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Inserts the entries; returns the keys of those already stored (the key is the event's, so such an entry is a
     * redelivery or a replay of an event stored before).
     */
    Set<String> insert(MongoCollection<Document> collection, Map<String, TimelineEntry> entriesByKey) {
        MongoCollection<RawBsonDocument> entries = collection.withDocumentClass(RawBsonDocument.class);
        List<String> keys = new ArrayList<>(entriesByKey.keySet());
        Set<String> storedBefore = new HashSet<>();
        Future<Set<String>> inFlight = null;
        for (int from = 0; from < keys.size(); from += ENTRIES_PER_WRITE) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + ENTRIES_PER_WRITE));
            List<InsertOneModel<RawBsonDocument>> inserts = new ArrayList<>(chunk.size());
            for (String key : chunk) {
                inserts.add(new InsertOneModel<>(EntryDocuments.toRawDocument(key, entriesByKey.get(key))));
            }
            if (inFlight != null) {
                storedBefore.addAll(await(inFlight));
                inFlight = null;
            }
            if (from + ENTRIES_PER_WRITE >= keys.size()) {
                storedBefore.addAll(write(entries, chunk, inserts));
            } else {
                inFlight = writer.submit(() -> write(entries, chunk, inserts));
            }
        }
        return storedBefore;
    }

    private static Set<String> write(MongoCollection<RawBsonDocument> entries, List<String> keys,
                                     List<InsertOneModel<RawBsonDocument>> inserts) {
        try {
            entries.bulkWrite(inserts, UNORDERED);
            return Set.of();
        } catch (MongoBulkWriteException e) {
            return DuplicateKeys.refused(e, keys);
        }
    }

    private static Set<String> await(Future<Set<String>> write) {
        try {
            return write.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing timeline entries", e);
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
