package io.threadline.analytics.live;

import io.threadline.analytics.AnalyticsConfig;
import io.threadline.analytics.kpi.store.ActiveReadModel;
import io.threadline.analytics.kpi.store.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * The open tickets of the served copy as of one instant, read again every {@code live-refresh} (by
 * {@link LiveGauges}). The backlog and workload answer from it, so a request reads nothing from MongoDB, however
 * large the backlog. Every answer is exact as of the snapshot's instant, which it gives as {@code asOf}.
 *
 * <p>Reading a large backlog takes a while, so reads are spaced at least {@value #READ_SHARE} times as long as the
 * last one took: the service spends at most a twentieth of its time reading the backlog, and the gauges follow a
 * huge backlog less often instead of keeping MongoDB busy.
 */
@ApplicationScoped
public class OpenTicketsSnapshot {

    private static final Logger LOG = Logger.getLogger(OpenTicketsSnapshot.class);
    static final int READ_SHARE = 20;

    private final ActiveReadModel readModel;
    private final Duration liveRefresh;
    private volatile OpenTickets last;
    /** How long to keep a snapshot before reading again: {@code live-refresh}, or longer after a slow read. */
    private volatile Duration interval;

    public OpenTicketsSnapshot(ActiveReadModel readModel, AnalyticsConfig config) {
        this.readModel = readModel;
        this.liveRefresh = config.liveRefresh();
        this.interval = liveRefresh;
    }

    /**
     * For a request: the latest snapshot of the served copy; read now if there is none, it is of another copy, or it
     * is older than two intervals (the scheduled reads are late).
     */
    public OpenTickets current() {
        return readUnlessYoungerThan(interval.multipliedBy(2));
    }

    /** For the schedule: the snapshot, read again if its interval has passed (up to half a refresh early). */
    public OpenTickets refreshIfDue() {
        return readUnlessYoungerThan(interval.minus(liveRefresh.dividedBy(2)));
    }

    /** The time between reads now. */
    public Duration interval() {
        return interval;
    }

    private OpenTickets readUnlessYoungerThan(Duration age) {
        ReadModel served = readModel.served();
        OpenTickets known = last;
        if (isYounger(known, served, age)) {
            return known;
        }
        synchronized (this) {
            // Another caller may have read while this one waited.
            known = last;
            return isYounger(known, served, age) ? known : read(served);
        }
    }

    private static boolean isYounger(OpenTickets known, ReadModel served, Duration age) {
        return known != null && known.generation() == served.generation()
                && known.asOf().plus(age).isAfter(Instant.now());
    }

    private OpenTickets read(ReadModel served) {
        Instant asOf = Instant.now();
        long started = System.nanoTime();
        OpenTickets.Collector collector = OpenTickets.collector();
        served.openTickets().forEach(collector);
        OpenTickets fresh = collector.build(served.generation(), asOf);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Duration next = took.multipliedBy(READ_SHARE);
        Duration spaced = next.compareTo(liveRefresh) > 0 ? next : liveRefresh;
        LOG.debugf("Read %d open tickets in %d ms; next read in %d s", fresh.size(), took.toMillis(),
                spaced.toSeconds());
        interval = spaced;
        last = fresh;
        return fresh;
    }
}
