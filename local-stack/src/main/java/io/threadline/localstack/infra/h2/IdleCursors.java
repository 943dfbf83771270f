package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.exception.CursorNotFoundException;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes cursors nobody has read from for a while, as MongoDB does after ten minutes. A cursor holds every document
 * its find matched still to be handed out, so one a client left behind (it stopped reading and never killed it, or
 * its connection dropped) would keep that memory until the stand-in stops. Checked every 30 seconds, which also forgets
 * the cursors that were read to the end or killed.
 */
final class IdleCursors implements AutoCloseable {

    private static final long CHECK_SECONDS = 30;

    private final CursorRegistry registry;
    private final long idleNanos;
    private final Set<BatchedCursor> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stand-in idle cursors");
        thread.setDaemon(true);
        return thread;
    });

    IdleCursors(CursorRegistry registry, Duration idle) {
        this.registry = registry;
        this.idleNanos = idle.toNanos();
        checks.scheduleWithFixedDelay(this::closeIdle, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    /** Registers a new cursor with the server's registry, to be closed when left idle. */
    void add(BatchedCursor cursor) {
        registry.add(cursor);
        open.add(cursor);
    }

    /** Closes the cursors idle for longer than the limit; forgets those the registry no longer has. */
    void closeIdle() {
        long now = System.nanoTime();
        for (BatchedCursor cursor : open) {
            if (!isRegistered(cursor)) {
                open.remove(cursor);
            } else if (now - cursor.lastReadNanos() > idleNanos) {
                registry.remove(cursor);
                open.remove(cursor);
            }
        }
    }

    int size() {
        return open.size();
    }

    private boolean isRegistered(BatchedCursor cursor) {
        try {
            return registry.getCursor(cursor.getId()) == cursor;
        } catch (CursorNotFoundException e) {
            return false;
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
