package io.threadline.analytics.live;

import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.store.OpenTicketStore.OpenTicket;
import io.threadline.contracts.events.TicketStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    public static Backlog of(List<OpenTicket> open, Map<Dimension, String> filters, Instant now) {
        List<OpenTicket> matching = open.stream().filter(t -> matches(t, filters)).toList();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s.name(), matching.stream().filter(t -> t.status() == s).count()));
        Map<String, Long> byAge = new LinkedHashMap<>();
        AGE_BANDS.forEach(band -> byAge.put(band, 0L));
        matching.forEach(t -> byAge.merge(ageBand(Duration.between(t.openedAt(), now)), 1L, Long::sum));
        List<Instant> waiting = matching.stream().map(OpenTicket::awaitingReplySince).filter(Objects::nonNull).toList();
        Long oldest = waiting.stream().min(Comparator.naturalOrder())
                .map(since -> Math.max(0, Duration.between(since, now).toSeconds())).orElse(null);
        return new Backlog(now, matching.size(), byStatus, byAge, waiting.size(), oldest);
    }

    static boolean matches(OpenTicket ticket, Map<Dimension, String> filters) {
        return filters.entrySet().stream().allMatch(f -> f.getValue().equals(ticket.dims().value(f.getKey())));
    }

    private static String ageBand(Duration age) {
        long hours = age.toHours();
        if (hours < 24) {
            return AGE_BANDS.get(0);
        }
        if (hours < 72) {
            return AGE_BANDS.get(1);
        }
        return hours < 168 ? AGE_BANDS.get(2) : AGE_BANDS.get(3);
    }
}
