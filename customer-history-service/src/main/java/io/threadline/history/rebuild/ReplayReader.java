package io.threadline.history.rebuild;

import io.threadline.contracts.events.IntegrationEvent;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Reads the replay source page after page on a thread of its own, up to {@code aheadPages} pages ahead of the
 * caller, so that fetching and decoding the next pages overlaps with storing the current batch (the rebuild would
 * otherwise leave MongoDB idle while it reads, and itself idle while MongoDB writes).
 */
final class ReplayReader implements AutoCloseable {

    /** A page read, or the end of the source, or the failure that stopped the reading. */
    private record Item(List<IntegrationEvent> events, boolean end, RuntimeException failure) {
    }

    private final BlockingQueue<Item> pages;
    private final Thread thread;

    /** @param fetch one page of the source after a cursor (null: from the start) */
    ReplayReader(Function<String, ReplaySource.Page> fetch, int aheadPages) {
        this.pages = new ArrayBlockingQueue<>(Math.max(1, aheadPages));
        this.thread = new Thread(() -> read(fetch), "history-rebuild-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next page's events, or null once the source is read to its end; rethrows what stopped the reading. */
    List<IntegrationEvent> next() throws InterruptedException {
        Item item = pages.take();
        if (item.failure() != null) {
            throw item.failure();
        }
        if (item.end()) {
            pages.put(item);
            return null;
        }
        return item.events();
    }

    private void read(Function<String, ReplaySource.Page> fetch) {
        try {
            String cursor = null;
            do {
                ReplaySource.Page page = fetch.apply(cursor);
                pages.put(new Item(page.events(), false, null));
                cursor = page.nextCursor();
            } while (cursor != null);
            pages.put(new Item(List.of(), true, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                pages.put(new Item(List.of(), false, e));
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
