package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;

/** The rest of a query's documents, handed out in {@link ReplyBatches} on each {@code getMore}. */
final class BatchedCursor extends AbstractCursor {

    private ReplyDocuments remaining;
    private volatile long lastReadNanos = System.nanoTime();

    BatchedCursor(long id, ReplyDocuments remaining) {
        super(id);
        this.remaining = remaining;
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
        List<Document> batch = remaining.first(size);
        remaining = remaining.from(size);
        return batch;
    }
}
