package io.threadline.analytics.live;

import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.model.Dimensions;
import io.threadline.contracts.events.TicketStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backlog at one instant: the open tickets matching some filters, by status and by age (since opened), and how
 * long the oldest unanswered customer message has waited.
 */
public record Backlog(Instant asOf, long total, Map<String, Long> byStatus, Map<String, Long> byAge,
                      long awaitingReply, Long oldestUnansweredSeconds) {

    /** Age bands, from the ticket's opening: under 1 day, 1-3 days, 3-7 days, 7 days or more. */
    public static final List<String> AGE_BANDS = List.of("under1Day", "from1To3Days", "from3To7Days", "over7Days");
    public static final List<TicketStatus> STATUSES =
            List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD);

    private static final long HOUR_MILLIS = 3_600_000;

    /** No open ticket. */
    public static Backlog empty(Instant asOf) {
        return new Count(asOf).backlog();
    }

    static boolean matches(Dimensions dims, Map<Dimension, String> filters) {
        return filters.entrySet().stream().allMatch(f -> f.getValue().equals(dims.value(f.getKey())));
    }

    /** A status's place in {@link #STATUSES}; -1 for one that is not open (counted in the total only). */
    static byte statusIndex(TicketStatus status) {
        return (byte) STATUSES.indexOf(status);
    }

    /** Counts open tickets into a backlog as of one instant. */
    static final class Count {

        /** The wait of a ticket that awaits no reply. */
        static final long NOT_AWAITING = Long.MIN_VALUE;

        private final Instant asOf;
        private final long asOfMillis;
        private final long[] byStatus = new long[STATUSES.size()];
        private final long[] byAge = new long[AGE_BANDS.size()];
        private long total;
        private long awaitingReply;
        private long oldestAwaitingSince = Long.MAX_VALUE;

        Count(Instant asOf) {
            this.asOf = asOf;
            this.asOfMillis = asOf.toEpochMilli();
        }

        /** One open ticket: its status index, when it opened, since when it awaits a reply (or NOT_AWAITING). */
        void add(int status, long openedAtMillis, long awaitingSinceMillis) {
            total++;
            if (status >= 0) {
                byStatus[status]++;
            }
            byAge[ageBand((asOfMillis - openedAtMillis) / HOUR_MILLIS)]++;
            if (awaitingSinceMillis != NOT_AWAITING) {
                awaitingReply++;
                oldestAwaitingSince = Math.min(oldestAwaitingSince, awaitingSinceMillis);
            }
        }

        Backlog backlog() {
            Map<String, Long> statuses = new LinkedHashMap<>();
            for (int s = 0; s < byStatus.length; s++) {
                statuses.put(STATUSES.get(s).name(), byStatus[s]);
            }
            Map<String, Long> ages = new LinkedHashMap<>();
            for (int band = 0; band < byAge.length; band++) {
                ages.put(AGE_BANDS.get(band), byAge[band]);
            }
            Long oldest = awaitingReply == 0 ? null
                    : Math.max(0, Math.floorDiv(asOfMillis - oldestAwaitingSince, 1000L));
            return new Backlog(asOf, total, statuses, ages, awaitingReply, oldest);
        }

        private static int ageBand(long hours) {
            if (hours < 24) {
                return 0;
            }
            if (hours < 72) {
                return 1;
            }
            return hours < 168 ? 2 : 3;
        }
    }
}
