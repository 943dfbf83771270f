package io.threadline.analytics.live;

import io.threadline.analytics.AnalyticsConfig;
import io.threadline.analytics.kpi.store.ActiveReadModel;
import io.threadline.analytics.kpi.store.OpenTicketStore.OpenTicket;
import io.threadline.analytics.kpi.store.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The open tickets of the served copy as of one instant, read again every {@code live-refresh} (by
 * {@link LiveGauges}). The backlog and workload answer from it, so a request reads nothing from MongoDB, however
 * large the backlog: reading every open ticket happens once per refresh, not once per request. Every answer is exact
 * as of the snapshot's instant, which it gives as {@code asOf}.
 */
@ApplicationScoped
public class OpenTicketsSnapshot {

    /** The open tickets of copy {@code generation} as read at {@code asOf}. */
    public record Snapshot(int generation, Instant asOf, List<OpenTicket> tickets) {
    }

    private final ActiveReadModel readModel;
    /** Older than this (the refresh is late, or has not run yet) and a request reads afresh. */
    private final Duration maxAge;
    private volatile Snapshot last;

    public OpenTicketsSnapshot(ActiveReadModel readModel, AnalyticsConfig config) {
        this.readModel = readModel;
        this.maxAge = config.liveRefresh().multipliedBy(2);
    }

    /** The latest snapshot of the served copy; read now if there is none, it is of another copy, or it is stale. */
    public Snapshot current() {
        ReadModel served = readModel.served();
        Snapshot known = last;
        if (known == null || known.generation() != served.generation()
                || known.asOf().plus(maxAge).isBefore(Instant.now())) {
            return read(served);
        }
        return known;
    }

    /** Reads the open tickets of the served copy now. */
    public Snapshot refresh() {
        return read(readModel.served());
    }

    private synchronized Snapshot read(ReadModel served) {
        Instant asOf = Instant.now();
        Snapshot fresh = new Snapshot(served.generation(), asOf, List.copyOf(served.openTickets().all()));
        last = fresh;
        return fresh;
    }
}
