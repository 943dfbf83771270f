package io.threadline.analytics.kpi.projection;

import io.threadline.analytics.UnusableEventException;
import io.threadline.analytics.kpi.model.Cuboid;
import io.threadline.analytics.kpi.store.BucketStore;
import io.threadline.analytics.kpi.store.ReadModel;
import io.threadline.contracts.events.AggregateType;
import io.threadline.contracts.events.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Projects a batch of events into one copy of the read model with a handful of bulk writes: states are loaded by
 * id, events applied in order in memory, and their contributions summed per bucket document and written as one
 * {@code $inc} each, for all 16 cuboids.
 *
 * <p>Exactly once without transactions: each ticket and customer state keeps the aggregate sequence it has
 * applied, and each bucket document the last position of each source it holds. The buckets are written first,
 * the states last. A batch cut short by a crash is delivered again; its events then pass the states again (those
 * not saved) and each bucket skips what it already counted, so nothing is counted twice or lost.
 */
public final class BatchProjection {

    private static final long QUARTER_HOUR_SECONDS = 15 * 60;

    private final TicketProjector tickets;
    private final CustomerProjector customers = new CustomerProjector();

    public BatchProjection(Optional<BusinessCalendar> calendar) {
        this.tickets = new TicketProjector(calendar);
    }

    public BatchResult project(ReadModel model, List<SourcedEvent> events) {
        Map<String, TicketState> ticketStates = model.tickets().load(aggregateIds(events, AggregateType.TICKET));
        Map<String, CustomerState> customerStates = model.customers().load(aggregateIds(events, AggregateType.CUSTOMER));
        Map<String, Boolean> wasOpen = new HashMap<>();
        ticketStates.forEach((id, state) -> wasOpen.put(id, state.isOpen()));
        Map<String, TicketState> changedTickets = new LinkedHashMap<>();
        Map<String, CustomerState> changedCustomers = new LinkedHashMap<>();

        Map<String, Integer> appliedByType = new TreeMap<>();
        List<BatchResult.Rejected> rejected = new ArrayList<>();
        Map<String, PendingBucket> buckets = new LinkedHashMap<>();
        for (SourcedEvent sourced : events) {
            IntegrationEvent event = sourced.event();
            String id = event.aggregateId();
            try {
                List<Contribution> contributions;
                long before;
                boolean applied;
                if (AggregateType.CUSTOMER.equals(event.aggregateType())) {
                    CustomerState state = customerStates.computeIfAbsent(id, c -> new CustomerState(c, -1));
                    before = state.sequence();
                    contributions = customers.apply(state, event, sourced.payload());
                    applied = state.sequence() != before;
                    if (applied) {
                        changedCustomers.put(id, state);
                    }
                } else {
                    TicketState state = ticketStates.computeIfAbsent(id, TicketState::new);
                    before = state.sequence();
                    contributions = tickets.apply(state, event, sourced.payload());
                    applied = state.sequence() != before;
                    if (applied) {
                        changedTickets.put(id, state);
                    }
                }
                if (applied) {
                    appliedByType.merge(event.type(), 1, Integer::sum);
                }
                for (Contribution contribution : contributions) {
                    add(buckets, sourced, contribution);
                }
            } catch (UnusableEventException e) {
                rejected.add(new BatchResult.Rejected(sourced, e));
            }
        }

        writeBuckets(model.buckets(), buckets);
        List<TicketState> backlogChanges = changedTickets.values().stream()
                .filter(s -> s.isOpen() || wasOpen.getOrDefault(s.ticketId(), false))
                .toList();
        model.openTickets().sync(backlogChanges);
        model.tickets().save(changedTickets.values());
        model.customers().save(changedCustomers.values());
        return new BatchResult(appliedByType, rejected);
    }

    private static List<String> aggregateIds(List<SourcedEvent> events, String aggregateType) {
        return events.stream().map(SourcedEvent::event)
                .filter(e -> aggregateType.equals(e.aggregateType()) && e.aggregateId() != null)
                .map(IntegrationEvent::aggregateId).distinct().toList();
    }

    /**
     * Spreads one contribution over every cuboid: its day total (day document) and its quarter hour (hour document),
     * under the cuboid's key.
     */
    private static void add(Map<String, PendingBucket> buckets, SourcedEvent sourced, Contribution contribution) {
        Instant at = contribution.at();
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        int quarter = (int) ((at.getEpochSecond() - day.atStartOfDay(ZoneOffset.UTC).toEpochSecond()) / QUARTER_HOUR_SECONDS);
        for (Cuboid cuboid : Cuboid.ALL) {
            String key = cuboid.key(contribution.dims());
            PendingBucket dayBucket = buckets.computeIfAbsent(BucketStore.dayId(cuboid, day), PendingBucket::new);
            PendingBucket hourBucket = buckets.computeIfAbsent(BucketStore.hourId(cuboid, day, quarter), PendingBucket::new);
            String dayPrefix = BucketStore.DAY_TOTALS + "." + key + ".";
            String quarterPrefix = BucketStore.QUARTERS + "." + quarter + "." + key + ".";
            contribution.delta().forEach((counter, amount) -> {
                dayBucket.add(sourced, dayPrefix + counter, amount);
                hourBucket.add(sourced, quarterPrefix + counter, amount);
            });
        }
    }

    /** Skips in each document what it already holds from the same source (a batch delivered again). */
    private static void writeBuckets(BucketStore store, Map<String, PendingBucket> buckets) {
        Map<String, Map<String, Long>> held = store.positions(buckets.keySet());
        List<BucketStore.BucketWrite> writes = new ArrayList<>();
        for (PendingBucket bucket : buckets.values()) {
            Map<String, Long> positions = held.getOrDefault(bucket.id, Map.of());
            BucketStore.BucketWrite write = bucket.toWrite(positions);
            if (!write.positions().isEmpty()) {
                writes.add(write);
            }
        }
        store.write(writes);
    }

    /** The increments for one bucket document, kept per source position until the document's marks are known. */
    private static final class PendingBucket {
        final String id;
        final List<Increment> increments = new ArrayList<>();

        PendingBucket(String id) {
            this.id = id;
        }

        void add(SourcedEvent sourced, String field, long amount) {
            increments.add(new Increment(sourced.source(), sourced.position(), field, amount));
        }

        BucketStore.BucketWrite toWrite(Map<String, Long> held) {
            Map<String, Long> sums = new HashMap<>();
            Map<String, Long> positions = new HashMap<>();
            for (Increment i : increments) {
                Long applied = held.get(BucketStore.sourceField(i.source));
                if (applied != null && i.position <= applied) {
                    continue;
                }
                sums.merge(i.field, i.amount, Long::sum);
                positions.merge(i.source, i.position, Math::max);
            }
            sums.values().removeIf(v -> v == 0);
            return new BucketStore.BucketWrite(id, sums, positions);
        }
    }

    private record Increment(String source, long position, String field, long amount) {
    }
}
