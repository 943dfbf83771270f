package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collections;
import java.util.List;

/** The rest of a query's documents, handed out in {@link ReplyBatches} on each {@code getMore}. */
final class BatchedCursor extends AbstractCursor {

    private List<Document> remaining;
    private volatile long lastReadNanos = System.nanoTime();

    BatchedCursor(long id, List<Document> remaining) {
        super(id);
        this.remaining = Collections.unmodifiableList(remaining); // a view of the find's own list: no copy
    }

    /** When a batch was last taken (or the cursor made), in {@link System#nanoTime()}. */
    long lastReadNanos() {
        return lastReadNanos;
    }

    @Override
    public boolean isEmpty() {
        return remaining.isEmpty();
    }

    @Override
    public List<Document> takeDocuments(int numberToReturn) {
        lastReadNanos = System.nanoTime();
        int size = ReplyBatches.size(remaining, numberToReturn);
        List<Document> batch = remaining.subList(0, size);
        remaining = remaining.subList(size, remaining.size());
        return batch;
    }
}
