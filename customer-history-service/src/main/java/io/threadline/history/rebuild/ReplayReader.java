package io.threadline.history.rebuild;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads the replay source page after page on a thread of its own, up to {@code aheadPages} pages ahead of the
 * caller (fetching a page there also decodes its events), so that fetching and decoding the next pages overlaps with
 * storing the current batch (the rebuild would otherwise leave MongoDB idle while it reads and decodes, and itself
 * idle while MongoDB writes).
 * <p>
 * The reading starts at once, but only reaches the end of the source after {@code settledAt}: an end reached before
 * is not taken as the end; the reader waits until then and reads the whole source again from its start (the caller
 * is told, see {@link #readingAgain}). Events stored before the settle may have gone to the old copy alone; a reading
 * that reaches the end after it has read the store with them in it (see {@code ProjectionCopies.SETTLE}).
 *
 * @param <T> a page as read and decoded
 */
final class ReplayReader<T> implements AutoCloseable {

    /**
     * A page read and prepared (the first of a reading from the start again, or not), or the end of the source, or
     * the failure that stopped the reading.
     */
    private record Item<T>(T page, boolean again, boolean end, RuntimeException failure) {
    }

    private final BlockingQueue<Item<T>> pages;
    private final Thread thread;
    private final long settledAt;
    private boolean readingAgain;

    /**
     * @param fetch      one page of the source after a cursor (null: from the start)
     * @param nextCursor the cursor after a page (null: the page is the last)
     * @param settledAt  ({@link System#nanoTime}) the time after which the end of the source counts
     */
    ReplayReader(Function<String, T> fetch, Function<T, String> nextCursor, int aheadPages, long settledAt) {
        this.pages = new ArrayBlockingQueue<>(Math.max(1, aheadPages));
        this.settledAt = settledAt;
        this.thread = new Thread(() -> read(fetch, nextCursor), "history-rebuild-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next page, or null once the source is read to its end; rethrows what stopped the reading. */
    T next() throws InterruptedException {
        Item<T> item = pages.take();
        if (item.failure() != null) {
            throw item.failure();
        }
        if (item.end()) {
            pages.put(item);
            return null;
        }
        readingAgain = item.again();
        return item.page();
    }

    /**
     * Whether the page {@link #next} gave last starts a reading of the source from its start again: the pages
     * given before it are given once more (the end came before {@code settledAt}).
     */
    boolean readingAgain() {
        return readingAgain;
    }

    private void read(Function<String, T> fetch, Function<T, String> nextCursor) {
        try {
            boolean again = false;
            while (!readToTheEnd(fetch, nextCursor, again)) {
                TimeUnit.NANOSECONDS.sleep(settledAt - System.nanoTime());
                again = true;
            }
            pages.put(new Item<>(null, false, true, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                pages.put(new Item<>(null, false, false, e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads the source from its start; whether its end came after {@code settledAt} (the reading counts). */
    private boolean readToTheEnd(Function<String, T> fetch, Function<T, String> nextCursor, boolean again)
            throws InterruptedException {
        String cursor = null;
        boolean first = true;
        while (true) {
            boolean settled = System.nanoTime() - settledAt >= 0;
            T page = fetch.apply(cursor);
            pages.put(new Item<>(page, again && first, false, null));
            first = false;
            cursor = nextCursor.apply(page);
            if (cursor == null) {
                return settled;
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
