package io.threadline.analytics.live;

import io.threadline.analytics.AnalyticsConfig;
import io.threadline.analytics.kpi.store.ActiveReadModel;
import io.threadline.analytics.kpi.store.ReadModel;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The open tickets of the served copy as of one instant, read again every {@code live-refresh} (by
 * {@link LiveGauges}). The backlog and workload answer from it, so a request reads nothing from MongoDB, however
 * large the backlog. Every answer is exact as of the snapshot's instant, which it gives as {@code asOf}.
 *
 * <p>Reading a large backlog takes a while, so the next read waits at least {@value #READ_SHARE} times as long as the
 * last one took: the service spends at most about a twentieth of its time reading the backlog, and the gauges follow
 * a huge backlog less often instead of keeping MongoDB busy.
 */
@ApplicationScoped
public class OpenTicketsSnapshot {

    private static final Logger LOG = Logger.getLogger(OpenTicketsSnapshot.class);
    static final int READ_SHARE = 20;
    /** How long a request waits for a read under way before it answers without it. */
    private static final int REQUEST_WAIT_SECONDS = 5;

    /** A snapshot, and when (in {@link System#nanoTime()}) the next read is due. */
    private record Read(OpenTickets tickets, long dueNanos) {
    }

    private final ActiveReadModel readModel;
    private final long liveRefreshNanos;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Read last;

    public OpenTicketsSnapshot(ActiveReadModel readModel, AnalyticsConfig config) {
        this.readModel = readModel;
        this.liveRefreshNanos = config.liveRefresh().toNanos();
    }

    /**
     * For a request: the latest snapshot of the served copy; read now if there is none, it is of another copy, or
     * the scheduled read is a whole refresh late. A request does not wait long for a read under way: it gets the
     * last snapshot meanwhile, or, before the first one, a 503 asking to try again.
     */
    public OpenTickets current() {
        ReadModel served = readModel.served();
        Read known = last;
        if (isFresh(known, served, liveRefreshNanos)) {
            return known.tickets();
        }
        boolean locked;
        try {
            locked = reading.tryLock(REQUEST_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            known = last;
            if (known != null && known.tickets().generation() == served.generation()) {
                return known.tickets();
            }
            throw ProblemException.unavailable("The open tickets are being read; try again shortly.",
                    REQUEST_WAIT_SECONDS);
        }
        try {
            return readUnlessFresh(served, liveRefreshNanos);
        } finally {
            reading.unlock();
        }
    }

    /** For the schedule: the snapshot, read again when due (up to half a refresh early, as the schedule jitters). */
    public OpenTickets refreshIfDue() {
        reading.lock();
        try {
            return readUnlessFresh(readModel.served(), -liveRefreshNanos / 2);
        } finally {
            reading.unlock();
        }
    }

    /** Under the lock: reads unless the last read is of the served copy and due no sooner than {@code slackNanos}. */
    private OpenTickets readUnlessFresh(ReadModel served, long slackNanos) {
        Read known = last;
        return isFresh(known, served, slackNanos) ? known.tickets() : read(served);
    }

    private static boolean isFresh(Read known, ReadModel served, long slackNanos) {
        return known != null && known.tickets().generation() == served.generation()
                && System.nanoTime() - known.dueNanos() < slackNanos;
    }

    private OpenTickets read(ReadModel served) {
        Instant asOf = Instant.now();
        long started = System.nanoTime();
        OpenTickets.Collector collector = OpenTickets.collector();
        served.openTickets().forEach(collector);
        OpenTickets fresh = collector.build(served.generation(), asOf);
        long ended = System.nanoTime();
        long pause = Math.max(liveRefreshNanos - (ended - started), (ended - started) * READ_SHARE);
        last = new Read(fresh, ended + pause);
        LOG.debugf("Read %d open tickets in %d ms; the next read in %d s", fresh.size(),
                Duration.ofNanos(ended - started).toMillis(), Duration.ofNanos(pause).toSeconds());
        return fresh;
    }
}
