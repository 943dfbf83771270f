package io.threadline.analytics.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.servicekit.metrics.HeldGauges;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus gauges of the live KPIs, recomputed from each new snapshot of the open tickets (read every
 * {@code threadline.analytics.live-refresh}, or less often for a backlog slow to read):
 * {@code threadline_analytics_backlog_tickets{status}} and
 * {@code threadline_analytics_oldest_unanswered_message_age_seconds} (0 when no message waits).
 */
@Startup
@ApplicationScoped
public class LiveGauges {

    private static final Logger LOG = Logger.getLogger(LiveGauges.class);
    private static final String BACKLOG = "threadline.analytics.backlog.tickets";
    private static final String OLDEST_UNANSWERED = "threadline.analytics.oldest.unanswered.message.age";

    private final OpenTicketsSnapshot snapshot;
    private final Map<TicketStatus, AtomicLong> backlog = new EnumMap<>(TicketStatus.class);
    private final AtomicLong oldestUnanswered = new AtomicLong();
    /** The snapshot the gauges show: a snapshot not read again gives the same values. */
    private OpenTickets shown;

    public LiveGauges(OpenTicketsSnapshot snapshot, MeterRegistry registry) {
        this.snapshot = snapshot;
        for (TicketStatus status : Backlog.STATUSES) {
            AtomicLong value = new AtomicLong();
            backlog.put(status, value);
            HeldGauges.register(registry, Gauge.builder(BACKLOG, value, AtomicLong::get)
                    .description("Open tickets (not solved, closed or merged) by status")
                    .tag("status", status.name()));
        }
        HeldGauges.register(registry, Gauge.builder(OLDEST_UNANSWERED, oldestUnanswered, AtomicLong::get)
                .description("How long the oldest customer message without an agent reply has waited")
                .baseUnit("seconds"));
    }

    @Scheduled(every = "${threadline.analytics.live-refresh}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            OpenTickets open = snapshot.refreshIfDue();
            if (open == shown) {
                return;
            }
            shown = open;
            Backlog now = open.backlog(Map.of());
            backlog.forEach((status, value) -> value.set(now.byStatus().get(status.name())));
            oldestUnanswered.set(now.oldestUnansweredSeconds() == null ? 0 : now.oldestUnansweredSeconds());
        } catch (RuntimeException e) {
            // The gauges keep their last values; readiness already reports MongoDB.
            LOG.warnf("Could not refresh the live gauges: %s", e.toString());
        }
    }
}
