package io.threadline.history.timeline.store;

import com.mongodb.client.model.Filters;
import io.threadline.history.customer.store.CustomerGroup;
import io.threadline.history.projection.CustomerHistory;
import io.threadline.history.projection.DeliveryState;
import io.threadline.history.projection.EntryKeys;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.projection.Erasure;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads pages of a group's timeline. The day counts of each member's history give every entry id, so a page is a
 * few exact {@code _id} lookups of whole days, walked in time order (oldest or newest first) until the page is
 * full; the members' entries interleave by time, which is how a merge shows both histories as one.
 * <p>
 * A lookup asks for just enough whole days to fill what the page still lacks, so an unfiltered page reads about a
 * page of entries (plus the rest of the days it starts and ends in), not a fixed larger number. A filter that
 * matches little doubles the next lookup, so a sparse page still takes a few round trips, not one per page.
 */
@ApplicationScoped
public class TimelineReader {

    /** The largest lookup: bounds the size of one answer when a filter matches little. */
    static final int MAX_KEYS_PER_LOOKUP = 1600;

    /** The matching entries in timeline order, at most {@code limit + 1} (one more tells that more follow). */
    public List<TimelineEntry> read(CustomerGroup group, TimelineQuery query) {
        TreeMap<Long, List<String>> keysByDay = keysByDay(group, query);
        var days = query.forward() ? keysByDay.entrySet().iterator() : keysByDay.descendingMap().entrySet().iterator();
        List<TimelineEntry> found = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int wanted = query.limit() + 1;
        int lookupSize = wanted;
        while (days.hasNext() && found.size() < wanted) {
            pending.addAll(days.next().getValue());
            // Whole days per lookup: once a day is read, every entry before (or after) it is known.
            if (pending.size() >= lookupSize || !days.hasNext()) {
                int before = found.size();
                found.addAll(lookup(group, pending, query));
                pending.clear();
                boolean sparse = found.size() - before < lookupSize / 2;
                int grown = sparse ? Math.min(2 * lookupSize, MAX_KEYS_PER_LOOKUP) : 0;
                lookupSize = Math.max(wanted - found.size(), grown);
            }
        }
        found.sort(query.forward() ? TimelinePosition.ORDER : TimelinePosition.ORDER.reversed());
        List<TimelineEntry> page = new ArrayList<>(found.subList(0, Math.min(found.size(), query.limit() + 1)));
        if (!query.forward()) {
            page.sort(TimelinePosition.ORDER);
        }
        return withDeliveries(group, page);
    }

    private static TreeMap<Long, List<String>> keysByDay(CustomerGroup group, TimelineQuery query) {
        Long fromDay = null;
        Long toDay = null;
        if (query.since() != null) {
            fromDay = EntryKeys.dayOf(query.since());
        }
        if (query.until() != null) {
            toDay = EntryKeys.dayOf(query.until());
        }
        if (query.position() != null) {
            long day = EntryKeys.dayOf(query.position().occurredAt());
            if (query.forward()) {
                fromDay = fromDay == null ? day : Math.max(fromDay, day);
            } else {
                toDay = toDay == null ? day : Math.min(toDay, day);
            }
        }
        TreeMap<Long, List<String>> keysByDay = new TreeMap<>();
        for (String member : group.members()) {
            CustomerHistory history = group.histories().get(member);
            for (CustomerHistory.TicketDay d : history.days()) {
                if ((fromDay == null || d.day() >= fromDay) && (toDay == null || d.day() <= toDay)) {
                    List<String> keys = keysByDay.computeIfAbsent(d.day(), x -> new ArrayList<>());
                    for (long seq = d.fromSeq(); seq <= d.toSeq(); seq++) {
                        keys.add(EntryKeys.key(member, d.day(), d.ticketId(), seq));
                    }
                }
            }
        }
        return keysByDay;
    }

    private static List<TimelineEntry> lookup(CustomerGroup group, List<String> keys, TimelineQuery query) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Document doc : group.copy().entries().find(Filters.in("_id", keys))) {
            TimelineEntry entry = EntryDocuments.toEntry(doc);
            // The erasure rewrote the stored entries; scrubbing here too keeps the view right while it runs.
            if (group.erased(entry.customerId())) {
                entry = Erasure.scrub(entry);
            }
            if (query.matches(entry)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static List<TimelineEntry> withDeliveries(CustomerGroup group, List<TimelineEntry> page) {
        List<String> outboundIds = page.stream()
                .filter(e -> e.direction() == TimelineEntry.Direction.OUTBOUND && e.messageId() != null)
                .map(TimelineEntry::messageId).toList();
        if (outboundIds.isEmpty()) {
            return page;
        }
        Map<String, DeliveryState> deliveries = group.copy().deliveries().find(outboundIds);
        return page.stream().map(e -> {
            DeliveryState d = e.messageId() == null ? null : deliveries.get(e.messageId());
            if (d == null || e.direction() != TimelineEntry.Direction.OUTBOUND) {
                return e;
            }
            TimelineEntry.Delivery delivery = new TimelineEntry.Delivery(d.status(), d.providerMessageId(),
                    group.erased(e.customerId()) ? null : d.error(), d.updatedAt());
            return e.withDelivery(delivery);
        }).toList();
    }
}
