package io.threadline.history.projection;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import io.threadline.contracts.events.AggregateType;
import io.threadline.contracts.events.CustomerErased;
import io.threadline.contracts.events.ReplyDeliveryUpdated;
import io.threadline.history.customer.graph.CustomerGraph;
import io.threadline.history.customer.graph.CustomerNode;
import io.threadline.history.customer.graph.IdentityClaim;
import io.threadline.history.customer.graph.IdentityOwners;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.projection.Erasure;
import io.threadline.history.timeline.store.EntryDocuments;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Projects a batch of decoded events into one copy of the read model with a few bulk reads and writes per
 * collection. Live consumption and the rebuild both use it, so a replayed copy is built by the same code as the
 * live one. Idempotent and order-independent: entries are stored once per event id, every changeable value keeps
 * the aggregate sequence that set it, so redelivered, duplicated or late events leave the same state.
 */
@ApplicationScoped
public class BatchProjection {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final int IDS_PER_QUERY = 1000;

    private final Clock clock;
    private final EntryInserts entryInserts = new EntryInserts();

    public BatchProjection() {
        this(Clock.systemUTC());
    }

    BatchProjection(Clock clock) {
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        entryInserts.close();
    }

    /** Projects the events (in their order of arrival) and returns the timeline entries it stored. */
    public List<TimelineEntry> project(ProjectionCopy copy, List<DecodedEvent> batch) {
        return storeState(copy, storeEntries(copy, batch));
    }

    /**
     * The first half of {@link #project}: stores the batch's timeline entries. {@link #storeState} must follow (the
     * entries of a later batch may be stored before it, so a rebuild stores one batch's entries while the state of the
     * batch before is written).
     */
    public StoredEntries storeEntries(ProjectionCopy copy, List<DecodedEvent> batch) {
        Map<String, DecodedEvent> unique = new LinkedHashMap<>();
        batch.forEach(e -> unique.putIfAbsent(e.event().eventId(), e));
        List<DecodedEvent> ticketEvents = new ArrayList<>();
        List<DecodedEvent> customerEvents = new ArrayList<>();
        for (DecodedEvent e : unique.values()) {
            (AggregateType.CUSTOMER.equals(e.event().aggregateType()) ? customerEvents : ticketEvents).add(e);
        }
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, TimelineEntry> entriesByKey = new LinkedHashMap<>();
        for (DecodedEvent e : ticketEvents) {
            if (e.entry() != null) {
                entriesByKey.put(HistoryChanges.entryKey(e.event(), e.entry()), e.entry().withRecordedAt(recordedAt));
            }
        }
        // An entry refused for its key was stored before (a redelivery, a replay of a live event): the key is the
        // event's own, so nothing is lost and nothing is announced twice.
        Set<String> storedBefore = entriesByKey.isEmpty() ? Set.of() : entryInserts.insert(copy.entries(), entriesByKey);
        return new StoredEntries(ticketEvents, customerEvents, entriesByKey, storedBefore);
    }

    /**
     * The second half of {@link #project}: the history heads, deliveries and identity graph of a batch whose entries
     * are stored. Returns the timeline entries stored by the first half.
     */
    public List<TimelineEntry> storeState(ProjectionCopy copy, StoredEntries stored) {
        List<TimelineEntry> entries = projectTicketEvents(copy, stored);
        projectCustomerEvents(copy, stored.customerEvents());
        return entries;
    }

    /** A batch whose timeline entries are stored (by {@link #storeEntries}), for {@link #storeState}. */
    public record StoredEntries(List<DecodedEvent> ticketEvents, List<DecodedEvent> customerEvents,
                                Map<String, TimelineEntry> entriesByKey, Set<String> storedBefore) {
    }

    // --- ticket events: the customer's history head, timeline entries, reply deliveries

    /**
     * Entries first (stored by {@link #storeEntries}), then the heads that list them. Crash-safe either way round (an
     * entry's key is its event's, so a redelivery finds what landed), and this way round the head write itself tells
     * whether the customer was erased meanwhile: an erasure either came first (its head is what this batch's head
     * write sees, and this batch scrubs what it wrote) or comes after (and finds this batch's entries in the head).
     */
    private List<TimelineEntry> projectTicketEvents(ProjectionCopy copy, StoredEntries stored) {
        List<DecodedEvent> events = stored.ticketEvents();
        if (events.isEmpty()) {
            return List.of();
        }
        Map<String, TimelineEntry> entriesByKey = new LinkedHashMap<>(stored.entriesByKey());
        Map<String, List<DecodedEvent>> byCustomer = groupBy(events, e -> e.event().customerId());
        Map<String, CustomerHistory> histories = copy.histories().update(byCustomer.keySet(), (customerId, history) -> {
            CustomerHistory h = history;
            for (DecodedEvent e : byCustomer.get(customerId)) {
                h = HistoryChanges.apply(h, e.event(), e.payload(), e.entry());
            }
            return h;
        });
        scrubIfErased(copy, entriesByKey, histories);
        projectDeliveries(copy, events, histories);
        entriesByKey.keySet().removeAll(stored.storedBefore());
        return List.copyOf(entriesByKey.values());
    }

    /**
     * Scrubs this batch's entries of the customers that are erased (before or during the batch), those stored before
     * included: one stored by a run that stopped before this step must not keep its personal data either.
     */
    private static void scrubIfErased(ProjectionCopy copy, Map<String, TimelineEntry> entriesByKey,
                                      Map<String, CustomerHistory> histories) {
        List<WriteModel<Document>> scrubs = new ArrayList<>();
        entriesByKey.replaceAll((key, entry) -> {
            if (!histories.get(entry.customerId()).erased()) {
                return entry;
            }
            TimelineEntry scrubbed = Erasure.scrub(entry);
            scrubs.add(new ReplaceOneModel<>(Filters.eq("_id", key), EntryDocuments.toDocument(key, scrubbed)));
            return scrubbed;
        });
        if (!scrubs.isEmpty()) {
            copy.entries().bulkWrite(scrubs, UNORDERED);
        }
    }

    private static void projectDeliveries(ProjectionCopy copy, List<DecodedEvent> events,
                                          Map<String, CustomerHistory> histories) {
        Map<String, List<DecodedEvent>> byOutbound = new LinkedHashMap<>();
        for (DecodedEvent e : events) {
            if (e.payload() instanceof ReplyDeliveryUpdated update && update.outboundId() != null) {
                byOutbound.computeIfAbsent(update.outboundId(), k -> new ArrayList<>()).add(e);
            }
        }
        if (byOutbound.isEmpty()) {
            return;
        }
        copy.deliveries().update(byOutbound.keySet(), (outboundId, delivery) -> {
            DeliveryState d = delivery;
            for (DecodedEvent e : byOutbound.get(outboundId)) {
                ReplyDeliveryUpdated update = (ReplyDeliveryUpdated) e.payload();
                if (e.event().aggregateSequence() > d.seq()) {
                    boolean erased = histories.get(e.event().customerId()).erased();
                    d = new DeliveryState(outboundId, e.event().customerId(),
                            update.status() == null ? null : update.status().name(), update.providerMessageId(),
                            erased ? null : update.error(), e.event().aggregateSequence(),
                            e.event().occurredAt().truncatedTo(ChronoUnit.MILLIS));
                }
            }
            return d;
        });
    }

    // --- customer events: the identity graph, and erasure everywhere

    private static void projectCustomerEvents(ProjectionCopy copy, List<DecodedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, List<DecodedEvent>> byCustomer = groupBy(events, e -> e.event().aggregateId());
        Map<String, CustomerNode> before = copy.customers().find(byCustomer.keySet());
        Map<String, CustomerNode> expected = new HashMap<>();
        byCustomer.forEach((id, list) -> expected.put(id, applyAll(before.getOrDefault(id, CustomerNode.unknown(id)), list)));
        // Identities first: if the service stops before the nodes are written, the redelivery finds the node as it
        // was and recomputes the same identities; an erased node no longer names them.
        updateIdentities(copy, before, expected);
        Map<String, CustomerNode> written = copy.customers().update(byCustomer.keySet(),
                (id, node) -> applyAll(node, byCustomer.get(id)));
        Map<String, CustomerNode> changedMeanwhile = new HashMap<>();
        written.forEach((id, node) -> {
            if (!Objects.equals(node, expected.get(id))) {
                changedMeanwhile.put(id, node);
            }
        });
        if (!changedMeanwhile.isEmpty()) {
            updateIdentities(copy, expected, changedMeanwhile);
        }
        byCustomer.forEach((id, list) -> {
            if (list.stream().anyMatch(e -> e.payload() instanceof CustomerErased)) {
                eraseHistory(copy, id);
            }
        });
    }

    private static CustomerNode applyAll(CustomerNode node, List<DecodedEvent> events) {
        CustomerNode result = node;
        for (DecodedEvent e : events) {
            result = CustomerGraph.apply(result, e.event(), e.payload());
        }
        return result;
    }

    /** Brings the owners of every identity the nodes name (before or after) in line with the nodes after. */
    private static void updateIdentities(ProjectionCopy copy, Map<String, CustomerNode> before,
                                         Map<String, CustomerNode> after) {
        Map<String, List<CustomerNode>> nodesByKey = new HashMap<>();
        after.forEach((id, node) -> {
            Set<String> keys = new HashSet<>();
            node.identities().forEach(c -> keys.add(c.key()));
            CustomerNode old = before.get(id);
            if (old != null) {
                old.identities().stream().map(IdentityClaim::key).forEach(keys::add);
            }
            keys.forEach(k -> nodesByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(node));
        });
        if (nodesByKey.isEmpty()) {
            return;
        }
        copy.identities().update(nodesByKey.keySet(), (key, owners) -> {
            IdentityOwners result = owners;
            for (CustomerNode node : nodesByKey.get(key)) {
                result = result.with(node);
            }
            // An identity nobody owns is forgotten: its key is an address.
            return result.owners().isEmpty() ? null : result;
        });
    }

    /** Removes the customer's personal data from the history head, every timeline entry and every delivery. */
    private static void eraseHistory(ProjectionCopy copy, String customerId) {
        CustomerHistory history = copy.histories().update(List.of(customerId), (id, h) -> HistoryChanges.erase(h))
                .get(customerId);
        List<String> keys = new ArrayList<>();
        history.days().forEach(d -> {
            for (long seq = d.fromSeq(); seq <= d.toSeq(); seq++) {
                keys.add(EntryKeys.key(customerId, d.day(), d.ticketId(), seq));
            }
        });
        List<WriteModel<Document>> scrubs = new ArrayList<>();
        List<String> outboundIds = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += IDS_PER_QUERY) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IDS_PER_QUERY));
            for (Document doc : copy.entries().find(Filters.in("_id", chunk))) {
                TimelineEntry entry = EntryDocuments.toEntry(doc);
                TimelineEntry scrubbed = Erasure.scrub(entry);
                if (entry.direction() == TimelineEntry.Direction.OUTBOUND && entry.messageId() != null) {
                    outboundIds.add(entry.messageId());
                }
                if (!scrubbed.equals(entry)) {
                    String key = doc.getString("_id");
                    scrubs.add(new ReplaceOneModel<>(Filters.eq("_id", key), EntryDocuments.toDocument(key, scrubbed)));
                }
            }
        }
        if (!scrubs.isEmpty()) {
            copy.entries().bulkWrite(scrubs, UNORDERED);
        }
        if (!outboundIds.isEmpty()) {
            copy.deliveries().update(outboundIds, (id, d) -> d.error() == null ? d : new DeliveryState(d.outboundId(),
                    d.customerId(), d.status(), d.providerMessageId(), null, d.seq(), d.updatedAt()));
        }
    }

    private static Map<String, List<DecodedEvent>> groupBy(Collection<DecodedEvent> events,
                                                           java.util.function.Function<DecodedEvent, String> key) {
        Map<String, List<DecodedEvent>> grouped = new LinkedHashMap<>();
        events.forEach(e -> grouped.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e));
        return grouped;
    }
}
