package io.threadline.history.rebuild;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Reads the replay source page after page on a thread of its own, up to {@code aheadPages} pages ahead of the
 * caller (fetching a page there also decodes its events), so that fetching and decoding the next pages overlaps with
 * storing the current batch (the rebuild would otherwise leave MongoDB idle while it reads and decodes, and itself
 * idle while MongoDB writes).
 *
 * @param <T> a page as read and decoded
 */
final class ReplayReader<T> implements AutoCloseable {

    /** A page read and prepared, or the end of the source, or the failure that stopped the reading. */
    private record Item<T>(T page, boolean end, RuntimeException failure) {
    }

    private final BlockingQueue<Item<T>> pages;
    private final Thread thread;

    /**
     * @param fetch      one page of the source after a cursor (null: from the start)
     * @param nextCursor the cursor after a page (null: the page is the last)
     */
    ReplayReader(Function<String, T> fetch, Function<T, String> nextCursor, int aheadPages) {
        this.pages = new ArrayBlockingQueue<>(Math.max(1, aheadPages));
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
        return item.page();
    }

    private void read(Function<String, T> fetch, Function<T, String> nextCursor) {
        try {
            String cursor = null;
            do {
                T page = fetch.apply(cursor);
                pages.put(new Item<>(page, false, null));
                cursor = nextCursor.apply(page);
            } while (cursor != null);
            pages.put(new Item<>(null, true, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                pages.put(new Item<>(null, false, e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
