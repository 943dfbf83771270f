package io.threadline.localstack.infra.h2;

/**
 * Cuts a query's documents into reply batches as MongoDB does: a find's first batch holds at most 101 documents unless
 * it asks for another number, and no batch holds more than 16 MiB of documents (but always at least one; the size
 * is counted generously, {@link ReplyDocuments#atMost}, so a batch may hold less). Without
 * this, mongo-java-server answers a find without {@code batchSize} with every document in one reply, which the driver
 * refuses beyond 48 MB (a collection of a few hundred thousand small documents read whole), and it cannot serve a
 * {@code getMore} without {@code batchSize}.
 */
final class ReplyBatches {

    /** MongoDB's first batch when a find does not ask for a size. */
    static final int FIRST_BATCH = 101;
    static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;

    private ReplyBatches() {
    }

    /** How many of {@code documents}, from the first, make the next batch; {@code asked} 0 or less: no number asked. */
    static int size(ReplyDocuments documents, int asked) {
        int most = asked > 0 ? Math.min(asked, documents.count()) : documents.count();
        if (most <= 1) {
            return most; // a batch holds at least one document: nothing to size (a find by _id)
        }
        long bytes = 0;
        int count = 0;
        while (count < most) {
            bytes += documents.atMost(count);
            if (bytes > MAX_BATCH_BYTES && count > 0) {
                break;
            }
            count++;
        }
        return count;
    }
}
