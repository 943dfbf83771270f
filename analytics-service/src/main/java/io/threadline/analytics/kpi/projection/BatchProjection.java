package io.threadline.analytics.kpi.projection;

import io.threadline.analytics.UnusableEventException;
import io.threadline.analytics.kpi.model.Cuboid;
import io.threadline.analytics.kpi.model.Dimensions;
import io.threadline.analytics.kpi.model.DurationKind;
import io.threadline.analytics.kpi.model.Tally;
import io.threadline.analytics.kpi.store.BucketStore;
import io.threadline.analytics.kpi.store.ReadModel;
import io.threadline.contracts.events.AggregateType;
import io.threadline.contracts.events.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Projects a batch of events into one copy of the read model with a handful of bulk writes: states are loaded by
 * id (or taken from memory), events applied in order in memory, and their contributions summed per bucket document
 * and written as one {@code $inc} each, for every kept cuboid.
 *
 * <p>Exactly once without transactions: each ticket and customer state keeps the aggregate sequence it has
 * applied, and each bucket document the last position of each source it holds. A batch first raises the copy's
 * {@code progress} mark of each source to its last position, then writes the buckets, then the states. A batch cut
 * short by a crash is delivered again; its events then pass the states again (those not saved) and, as they are not
 * above the mark, each bucket skips what it already counted, so nothing is counted twice or lost. A batch wholly
 * above the marks (the usual case) cannot be in any bucket yet, so it skips reading the buckets' own positions.
 */
public final class BatchProjection {

    /** Ticket states remembered per read-model copy between batches. */
    public static final int DEFAULT_REMEMBERED_TICKETS = 100_000;

    private static final long QUARTER_HOUR_SECONDS = 15 * 60;

    private final TicketProjector tickets;
    private final CustomerProjector customers = new CustomerProjector();
    private final int rememberedTickets;
    private final Map<String, CopyMemory> memories = new ConcurrentHashMap<>();

    public BatchProjection(Optional<BusinessCalendar> calendar) {
        this(calendar, DEFAULT_REMEMBERED_TICKETS);
    }

    public BatchProjection(Optional<BusinessCalendar> calendar, int rememberedTickets) {
        this.tickets = new TicketProjector(calendar);
        this.rememberedTickets = rememberedTickets;
    }

    /** One batch at a time per copy (the two topics' consumers share a copy's memory). */
    public BatchResult project(ReadModel model, List<SourcedEvent> events) {
        CopyMemory memory = memories.computeIfAbsent(model.id(), id -> new CopyMemory(rememberedTickets));
        synchronized (memory) {
            try {
                return project(model, memory, events);
            } catch (RuntimeException e) {
                // States may have changed in memory and not in the store.
                memory.forgetAll();
                throw e;
            }
        }
    }

    private BatchResult project(ReadModel model, CopyMemory memory, List<SourcedEvent> events) {
        Map<String, Long> lastPositions = lastPositions(events);
        Map<String, Long> marks = model.progress().written();
        memory.trustIfUnchanged(marks, lastPositions.keySet());
        // A source without a mark (its first batch into this copy, or a copy older than the marks) is looked up.
        boolean aboveMarks = firstPositions(events).entrySet().stream()
                .allMatch(first -> marks.containsKey(first.getKey()) && first.getValue() > marks.get(first.getKey()));

        Map<String, TicketState> ticketStates = loadTickets(model, memory, aggregateIds(events, AggregateType.TICKET));
        Map<String, CustomerState> customerStates = model.customers().load(aggregateIds(events, AggregateType.CUSTOMER));
        Map<String, Boolean> wasOpen = new HashMap<>();
        ticketStates.forEach((id, state) -> wasOpen.put(id, state.isOpen()));
        Map<String, TicketState> changedTickets = new LinkedHashMap<>();
        Map<String, CustomerState> changedCustomers = new LinkedHashMap<>();
        Set<String> rejectedTickets = new HashSet<>();

        Map<String, Integer> appliedByType = new TreeMap<>();
        List<BatchResult.Rejected> rejected = new ArrayList<>();
        List<Placed> placed = new ArrayList<>();
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
                    try {
                        contributions = tickets.apply(state, event, sourced.payload());
                    } catch (UnusableEventException e) {
                        rejectedTickets.add(id);
                        throw e;
                    }
                    applied = state.sequence() != before;
                    if (applied) {
                        changedTickets.put(id, state);
                    }
                }
                if (applied) {
                    appliedByType.merge(event.type(), 1, Integer::sum);
                }
                for (Contribution contribution : contributions) {
                    placed.add(new Placed(sourced, contribution));
                }
            } catch (UnusableEventException e) {
                rejected.add(new BatchResult.Rejected(sourced, e));
            }
        }

        model.progress().raise(lastPositions);
        writeBuckets(model.buckets(), memory, placed, aboveMarks);
        List<TicketState> backlogChanges = changedTickets.values().stream()
                .filter(s -> s.isOpen() || wasOpen.getOrDefault(s.ticketId(), false))
                .toList();
        model.openTickets().sync(backlogChanges);
        model.tickets().save(changedTickets.values());
        model.customers().save(changedCustomers.values());

        memory.stored(lastPositions, ticketStates.values());
        // A rejected event may have moved its ticket's state in memory only.
        rejectedTickets.stream().filter(id -> !changedTickets.containsKey(id)).forEach(memory::forget);
        return new BatchResult(appliedByType, rejected);
    }

    private static Map<String, TicketState> loadTickets(ReadModel model, CopyMemory memory, List<String> ids) {
        Map<String, TicketState> states = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            TicketState remembered = memory.ticket(id);
            if (remembered != null) {
                states.put(id, remembered);
            } else {
                unknown.add(id);
            }
        }
        states.putAll(model.tickets().load(unknown));
        return states;
    }

    private static List<String> aggregateIds(List<SourcedEvent> events, String aggregateType) {
        return events.stream().map(SourcedEvent::event)
                .filter(e -> aggregateType.equals(e.aggregateType()) && e.aggregateId() != null)
                .map(IntegrationEvent::aggregateId).distinct().toList();
    }

    /** Per source field, the last position of the batch. */
    private static Map<String, Long> lastPositions(List<SourcedEvent> events) {
        Map<String, Long> last = new HashMap<>();
        events.forEach(e -> last.merge(BucketStore.sourceField(e.source()), e.position(), Math::max));
        return last;
    }

    private static Map<String, Long> firstPositions(List<SourcedEvent> events) {
        Map<String, Long> first = new HashMap<>();
        events.forEach(e -> first.merge(BucketStore.sourceField(e.source()), e.position(), Math::min));
        return first;
    }

    /**
     * Spreads each contribution over every cuboid: its day total (day document, histogram bins in the day's and the
     * week's bins documents) and its quarter hour (hour document), under the cuboid's key, which goes to the key
     * directory of the cuboid's month first. Unless the whole batch lies above the marks, skips in each document what
     * it already holds from the same source (a batch delivered again).
     */
    private static void writeBuckets(BucketStore store, CopyMemory memory, List<Placed> placed, boolean aboveMarks) {
        Map<String, PendingBucket> buckets = new LinkedHashMap<>();
        Map<Place, Target[]> targets = new HashMap<>();
        placed.forEach(p -> targets(p.contribution, targets));
        registerKeys(store, memory, targets.values());
        Map<String, Map<String, Long>> held = aboveMarks ? Map.of() : store.positions(documentIds(targets.values()));
        for (Placed p : placed) {
            String source = BucketStore.sourceField(p.sourced.source());
            long position = p.sourced.position();
            Tally counts = new Tally();
            Tally bins = new Tally();
            p.contribution.delta().forEach((counter, amount) ->
                    (DurationKind.isBin(counter) ? bins : counts).add(counter, amount));
            for (Target target : targets(p.contribution, targets)) {
                add(buckets, held, target.dayId, target.dayPath, counts, source, position);
                add(buckets, held, target.binsId, target.dayPath, bins, source, position);
                add(buckets, held, target.weekBinsId, target.dayPath, bins, source, position);
                add(buckets, held, target.hourId, target.quarterPath, p.contribution.delta(), source, position);
            }
        }
        List<BucketStore.BucketWrite> writes = new ArrayList<>(buckets.size());
        buckets.forEach((id, bucket) -> writes.add(bucket.toWrite(id)));
        store.write(writes);
    }

    /** Every key the batch writes, listed in its month's directory before any document holds it. */
    private static void registerKeys(BucketStore store, CopyMemory memory, Collection<Target[]> places) {
        Map<String, Set<String>> news = new HashMap<>();
        for (Target[] place : places) {
            for (Target target : place) {
                if (!memory.isRegistered(target.keysId, target.key)) {
                    news.computeIfAbsent(target.keysId, id -> new HashSet<>()).add(target.key);
                }
            }
        }
        if (!news.isEmpty()) {
            store.registerKeys(news);
            memory.registered(news);
        }
    }

    private static void add(Map<String, PendingBucket> buckets, Map<String, Map<String, Long>> held, String documentId,
                            String path, Tally delta, String source, long position) {
        if (delta.isEmpty()) {
            return;
        }
        Long applied = held.getOrDefault(documentId, Map.of()).get(source);
        if (applied == null || position > applied) {
            buckets.computeIfAbsent(documentId, id -> new PendingBucket()).add(path, delta, source, position);
        }
    }

    private static Set<String> documentIds(Collection<Target[]> places) {
        Set<String> ids = new HashSet<>();
        for (Target[] place : places) {
            for (Target target : place) {
                ids.add(target.dayId);
                ids.add(target.binsId);
                ids.add(target.weekBinsId);
                ids.add(target.hourId);
            }
        }
        return ids;
    }

    /**
     * The documents and paths of a contribution in every kept cuboid. Many contributions of a batch share their quarter
     * hour and dimensions, so these are built once per batch for each such place.
     */
    private static Target[] targets(Contribution contribution, Map<Place, Target[]> targets) {
        Instant at = contribution.at();
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return targets.computeIfAbsent(new Place(day, quarterOf(at, day), contribution.dims()), place -> {
            Target[] all = new Target[Cuboid.KEPT.size()];
            for (int i = 0; i < all.length; i++) {
                Cuboid cuboid = Cuboid.KEPT.get(i);
                String key = cuboid.key(place.dims);
                String dayId = BucketStore.dayId(cuboid, place.day);
                all[i] = new Target(dayId, BucketStore.dayBinsId(cuboid, place.day),
                        BucketStore.weekBinsId(cuboid, BucketStore.weekOf(place.day)),
                        BucketStore.hourId(cuboid, place.day, place.quarter), BucketStore.DAY_TOTALS + "." + key,
                        BucketStore.QUARTERS + "." + place.quarter + "." + key,
                        BucketStore.keysId(cuboid, YearMonth.from(place.day)), key);
            }
            return all;
        });
    }

    /** The quarter hour (0-95) of the UTC day that {@code at} falls in. */
    private static int quarterOf(Instant at, LocalDate utcDay) {
        return (int) ((at.getEpochSecond() - utcDay.atStartOfDay(ZoneOffset.UTC).toEpochSecond()) / QUARTER_HOUR_SECONDS);
    }

    /** The sums to add to one bucket document, under {@code <path>.<counter>}, and the positions they come from. */
    private static final class PendingBucket {
        final Map<String, Map<String, Long>> sums = new HashMap<>();
        final Map<String, Long> positions = new HashMap<>();

        void add(String path, Tally delta, String source, long position) {
            Map<String, Long> counters = sums.computeIfAbsent(path, p -> new HashMap<>());
            delta.forEach((counter, amount) -> counters.merge(counter, amount, Long::sum));
            positions.merge(source, position, Math::max);
        }

        BucketStore.BucketWrite toWrite(String id) {
            Map<String, Long> increments = new HashMap<>();
            sums.forEach((path, counters) -> counters.forEach((counter, amount) -> {
                if (amount != 0) {
                    increments.put(path + "." + BucketStore.fieldOf(counter), amount);
                }
            }));
            return new BucketStore.BucketWrite(id, increments, positions);
        }
    }

    private record Placed(SourcedEvent sourced, Contribution contribution) {
    }

    /** A quarter hour (0-95) of a UTC day, under some dimensions. */
    private record Place(LocalDate day, int quarter, Dimensions dims) {
    }

    /**
     * Where a contribution goes in one cuboid: its day, bins (day and week) and hour documents, and its paths; its key
     * and the directory listing it.
     */
    private record Target(String dayId, String binsId, String weekBinsId, String hourId, String dayPath,
                          String quarterPath, String keysId, String key) {
    }
}
