package io.threadline.analytics.volume;

import io.threadline.analytics.facts.store.MessageFactStore;
import io.threadline.analytics.facts.store.SlotCount;
import io.threadline.analytics.facts.store.TicketFactStore;
import io.threadline.analytics.volume.api.VolumeBucket;
import io.threadline.analytics.volume.api.VolumeReport;
import io.threadline.analytics.volume.api.VolumeTotals;
import io.threadline.analytics.window.ReportWindow;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Ticket and message volumes: MongoDB counts per quarter hour, folded here into the buckets of the request's zone. */
@ApplicationScoped
public class VolumeReports {

    private final TicketFactStore tickets;
    private final MessageFactStore messages;

    public VolumeReports(TicketFactStore tickets, MessageFactStore messages) {
        this.tickets = tickets;
        this.messages = messages;
    }

    public VolumeReport report(ReportWindow window, Optional<String> channel) {
        Map<BucketKey, Tally> buckets = new TreeMap<>(BucketKey.ORDER);
        for (SlotCount opened : tickets.countOpened(window.from(), window.to(), channel)) {
            tally(buckets, window, opened).ticketsCreated += opened.count();
        }
        for (SlotCount received : messages.countReceived(window.from(), window.to(), channel)) {
            tally(buckets, window, received).messagesReceived += received.count();
        }
        List<VolumeBucket> series = buckets.entrySet().stream()
                .map(e -> new VolumeBucket(e.getKey().start().toOffsetDateTime(), e.getKey().channel(),
                        e.getValue().ticketsCreated, e.getValue().messagesReceived))
                .toList();
        VolumeTotals totals = new VolumeTotals(series.stream().mapToLong(VolumeBucket::ticketsCreated).sum(),
                series.stream().mapToLong(VolumeBucket::messagesReceived).sum());
        return new VolumeReport(window.from(), window.to(), window.zone().getId(), window.interval().wireName(),
                totals, series);
    }

    private static Tally tally(Map<BucketKey, Tally> buckets, ReportWindow window, SlotCount slot) {
        ZonedDateTime start = window.interval().bucketStart(slot.slotStart(), window.zone());
        return buckets.computeIfAbsent(new BucketKey(start, slot.channel()), key -> new Tally());
    }

    private record BucketKey(ZonedDateTime start, String channel) {
        static final Comparator<BucketKey> ORDER = Comparator.comparing((BucketKey k) -> k.start().toInstant())
                .thenComparing(BucketKey::channel, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private static final class Tally {
        long ticketsCreated;
        long messagesReceived;
    }
}
