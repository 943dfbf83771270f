package io.threadline.analytics.rebuild;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The counters of the rebuild under way (or the last one), read by the API and the gauges. */
final class RebuildProgress {

    private final int generation;
    private final int servedBefore;
    private final Instant startedAt = Instant.now();
    private final AtomicLong eventsRead = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile RebuildStatus.State state = RebuildStatus.State.RUNNING;
    private volatile Instant finishedAt;
    private volatile String error;

    RebuildProgress(int servedBefore, int generation) {
        this.servedBefore = servedBefore;
        this.generation = generation;
    }

    void page(int events) {
        pages.incrementAndGet();
        eventsRead.addAndGet(events);
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    void done() {
        finishedAt = Instant.now();
        state = RebuildStatus.State.DONE;
    }

    void failed(Exception e) {
        finishedAt = Instant.now();
        error = e.toString();
        state = RebuildStatus.State.FAILED;
    }

    boolean running() {
        return state == RebuildStatus.State.RUNNING;
    }

    long eventsRead() {
        return eventsRead.get();
    }

    RebuildStatus status(int served) {
        return new RebuildStatus(state, generation, served, eventsRead.get(), pages.get(), rejected.get(), startedAt,
                finishedAt, error);
    }

    int servedBefore() {
        return servedBefore;
    }

    int generation() {
        return generation;
    }
}
