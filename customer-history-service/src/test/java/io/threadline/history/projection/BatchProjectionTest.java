package io.threadline.history.projection;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.Identity;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.outbound.DeliveryStatus;
import io.threadline.history.CustomerScript;
import io.threadline.history.TicketScript;
import io.threadline.history.customer.store.CustomerGroup;
import io.threadline.history.customer.store.CustomerGroups;
import io.threadline.history.customer.store.CustomerViews;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.TimelineEntry.Type;
import io.threadline.testsupport.StandInMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection of every event type into a copy on the MongoDB stand-in, without Quarkus. */
@ExtendWith(StandInMongo.class)
class BatchProjectionTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private final EventDecoder decoder = new EventDecoder(ContractJson.newMapper());
    private final BatchProjection projection = new BatchProjection();
    private MongoDatabase database;
    private ProjectionCopy copy;

    @BeforeEach
    void freshCopy(MongoDatabase database) {
        this.database = database;
        copy = new ProjectionCopy(database, 1);
        copy.createIndexes();
    }

    @Test
    void everyEntryTypeLandsOnTheTimelineInOrderAndTheTicketFollows() {
        CustomerScript alice = new CustomerScript("c-1", T0);
        TicketScript ticket = new TicketScript("c-1", "t-1", "TL-1001", "email", T0.plusSeconds(30));
        List<IntegrationEvent> events = List.of(alice.registered("email", "alice@example.com", "Alice"),
                ticket.opened("Broken mug"), ticket.message("alice@example.com", "Alice", "It broke"),
                ticket.assigned("ann"), ticket.priority(TicketPriority.NORMAL, TicketPriority.HIGH),
                ticket.note("Check stock"), ticket.reply("o-1", "A new one is on its way"),
                ticket.delivery("o-1", DeliveryStatus.SENT, null), ticket.delivery("o-1", DeliveryStatus.DELIVERED, null),
                ticket.tags(List.of("breakage")), ticket.fields(Map.of("order", "4411")),
                ticket.status(TicketStatus.NEW, TicketStatus.SOLVED), ticket.survey(5, "Thanks"));
        project(events, 100);

        CustomerGroup group = CustomerGroups.of(copy, "c-1");
        List<TimelineEntry> timeline = ProjectionSnapshot.timeline(group);
        assertThat(timeline).extracting(TimelineEntry::type).containsExactly(Type.TICKET_OPENED, Type.MESSAGE,
                Type.ASSIGNED, Type.PRIORITY_CHANGED, Type.NOTE, Type.MESSAGE, Type.TAGS_CHANGED, Type.FIELDS_CHANGED,
                Type.STATUS_CHANGED, Type.SURVEY_ANSWERED);
        assertThat(timeline.get(5).delivery().status()).isEqualTo("DELIVERED");
        assertThat(group.histories().get("c-1").tickets()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo("SOLVED");
            assertThat(t.priority()).isEqualTo("HIGH");
            assertThat(t.assignee()).isEqualTo("ann");
            assertThat(t.tags()).containsExactly("breakage");
            assertThat(t.subject()).isEqualTo("Broken mug");
            assertThat(t.lastActivityAt()).isEqualTo(events.get(events.size() - 1).occurredAt());
        });
    }

    @Test
    void redeliveredDuplicatedOrShuffledEventsLeaveTheSameState() {
        List<IntegrationEvent> events = conversation();
        project(events, 1);
        ProjectionSnapshot inOrder = snapshot();

        List<IntegrationEvent> disorderly = new ArrayList<>(events);
        disorderly.addAll(events.subList(3, 9));
        Random random = new Random(42);
        for (int round = 0; round < 3; round++) {
            Collections.shuffle(disorderly, random);
            copy = new ProjectionCopy(database, 10 + round);
            copy.createIndexes();
            project(disorderly, 1 + random.nextInt(5));
            project(events, 7);
            assertThat(snapshot()).isEqualTo(inOrder);
        }
        assertThat(inOrder.timelines().get("c-1")).hasSize(6);
    }

    @Test
    void aBatchOfMoreEntriesThanOneWriteStoresEachOnceAndAnnouncesOnlyNewOnes() {
        int messages = EntryInserts.ENTRIES_PER_WRITE * 2 + 500;
        List<IntegrationEvent> events = new ArrayList<>();
        for (int t = 0; t < messages / 100; t++) {
            TicketScript ticket = new TicketScript("c-1", "t-" + t, "TL-" + (1000 + t), "email", T0.plusSeconds(t * 3600L));
            for (int m = 0; m < 100; m++) {
                events.add(ticket.message("alice@example.com", "Alice", "message " + t + "." + m));
            }
        }
        List<DecodedEvent> decoded = events.stream().map(e -> decoder.decode(e).orElseThrow()).toList();
        // Part of the batch was stored before (a run that stopped half way): those entries are not announced again.
        projection.project(copy, decoded.subList(EntryInserts.ENTRIES_PER_WRITE + 10, EntryInserts.ENTRIES_PER_WRITE + 30));

        List<TimelineEntry> announced = projection.project(copy, decoded);

        assertThat(announced).hasSize(messages - 20);
        assertThat(projection.project(copy, decoded)).isEmpty();
        assertThat(copy.entries().countDocuments()).isEqualTo(messages);
        assertThat(texts("c-1")).hasSize(messages).doesNotHaveDuplicates();
    }

    @Test
    void anErasureRemovesThePersonalDataFromEveryCollectionAndKeepsCountsAndTimes() {
        List<IntegrationEvent> events = conversation();
        project(events, 100);
        CustomerScript alice = new CustomerScript("c-1", T0.plusSeconds(3600));
        project(List.of(alice.erased()), 1);
        // A message redelivered after the erasure adds no personal data back either.
        project(List.of(events.get(3)), 1);

        CustomerGroup group = CustomerGroups.of(copy, "c-1");
        assertThat(CustomerViews.of(group).identities()).isEmpty();
        assertThat(CustomerViews.of(group).displayName()).isNull();
        assertThat(CustomerGroups.ownerOf(copy, "email:alice@example.com")).isEmpty();
        assertThat(copy.identities().collection().countDocuments()).isZero();
        assertThat(ProjectionSnapshot.timeline(group)).hasSize(6).allSatisfy(e -> {
            assertThat(e.text()).isNull();
            assertThat(e.subject()).isNull();
            assertThat(e.occurredAt()).isNotNull();
        });
        List<String> stored = new ArrayList<>();
        copy.entries().find().forEach(d -> stored.add(d.toJson()));
        copy.histories().collection().find().forEach(d -> stored.add(d.toJson()));
        copy.customers().collection().find().forEach(d -> stored.add(d.toJson()));
        copy.deliveries().collection().find().forEach(d -> stored.add(d.toJson()));
        assertThat(String.join("\n", stored)).doesNotContain("alice@example.com", "Alice", "It broke", "Broken mug",
                "s3://", "mailbox full", "Thanks Alice");
        Document delivery = copy.deliveries().collection().find(Filters.eq("_id", "o-1")).first();
        assertThat(delivery.getString("status")).isEqualTo("FAILED");
    }

    @Test
    void afterAMergeOneTimelineShowsBothHistoriesAndAnUnmergeSplitsThemAgain() {
        CustomerScript survivor = new CustomerScript("c-s", T0);
        CustomerScript merged = new CustomerScript("c-m", T0);
        TicketScript emailTicket = new TicketScript("c-s", "t-s", "TL-1", "email", T0);
        TicketScript smsTicket = new TicketScript("c-m", "t-m", "TL-2", "sms", T0.plusSeconds(30));
        List<Identity> moved = List.of(new Identity("sms", "+15550100", true));
        project(List.of(survivor.registered("email", "alice@example.com", "Alice"),
                merged.registered("sms", "+15550100", "A. M."),
                emailTicket.opened("Mug"), emailTicket.message("alice@example.com", "Alice", "email 1"),
                smsTicket.opened(null), smsTicket.message("+15550100", null, "sms 1"),
                emailTicket.message("alice@example.com", "Alice", "email 2")), 100);
        assertThat(texts("c-s")).containsExactly("email 1", "email 2");

        project(List.of(survivor.merged("c-s", "c-m", "merge-1", moved), merged.merged("c-s", "c-m", "merge-1", moved)), 10);
        assertThat(texts("c-s")).containsExactly("email 1", "sms 1", "email 2");
        assertThat(texts("c-m")).containsExactly("email 1", "sms 1", "email 2");
        assertThat(CustomerGroups.ownerOf(copy, "sms:+15550100")).contains("c-s");
        assertThat(CustomerViews.of(CustomerGroups.of(copy, "c-m")).customerId()).isEqualTo("c-s");
        assertThat(CustomerViews.of(CustomerGroups.of(copy, "c-s")).mergedCustomerIds()).containsExactly("c-m");

        project(List.of(merged.unmerged("c-s", "c-m", "merge-1", moved),
                survivor.unmerged("c-s", "c-m", "merge-1", moved)), 1);
        assertThat(texts("c-s")).containsExactly("email 1", "email 2");
        assertThat(texts("c-m")).containsExactly("sms 1");
        assertThat(CustomerGroups.ownerOf(copy, "sms:+15550100")).contains("c-m");
    }

    @Test
    void concurrentWritersToTheSameDocumentsLoseNoUpdate() throws InterruptedException {
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            TicketScript ticket = new TicketScript("c-1", "t-" + w, "TL-" + w, "chat", T0);
            List<IntegrationEvent> events = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                events.add(ticket.message("visitor", null, "w" + w + " #" + i));
            }
            writers.add(new Thread(() -> events.forEach(e -> project(List.of(e), 1))));
        }
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        writers.forEach(w -> w.setUncaughtExceptionHandler((t, e) -> failures.add(e)));
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(failures).isEmpty();
        assertThat(ProjectionSnapshot.timeline(CustomerGroups.of(copy, "c-1"))).hasSize(100);
        assertThat(CustomerGroups.of(copy, "c-1").histories().get("c-1").tickets()).hasSize(4);
    }

    /** Alice registers, writes by email, gets a reply that fails, and answers a survey. */
    private static List<IntegrationEvent> conversation() {
        CustomerScript alice = new CustomerScript("c-1", T0);
        TicketScript ticket = new TicketScript("c-1", "t-1", "TL-1001", "email", T0.plusSeconds(30));
        return List.of(alice.registered("email", "alice@example.com", "Alice"), alice.linked("sms", "+15550100"),
                ticket.opened("Broken mug"), ticket.message("alice@example.com", "Alice", "It broke"),
                ticket.note("Alice sounds upset"), ticket.reply("o-1", "Thanks Alice, a new one is on its way"),
                ticket.delivery("o-1", DeliveryStatus.FAILED, "alice@example.com: mailbox full"),
                ticket.status(TicketStatus.NEW, TicketStatus.PENDING), ticket.survey(4, "Thanks Alice"),
                alice.profile("Alice Martin", "fr"));
    }

    private ProjectionSnapshot snapshot() {
        return ProjectionSnapshot.of(copy, List.of("c-1"), List.of("email:alice@example.com", "sms:+15550100"));
    }

    private List<String> texts(String customerId) {
        return ProjectionSnapshot.timeline(CustomerGroups.of(copy, customerId)).stream()
                .filter(e -> e.type() == Type.MESSAGE).map(TimelineEntry::text).toList();
    }

    private void project(List<IntegrationEvent> events, int batchSize) {
        List<DecodedEvent> decoded = events.stream().map(e -> decoder.decode(e).orElseThrow()).toList();
        for (int from = 0; from < decoded.size(); from += batchSize) {
            projection.project(copy, decoded.subList(from, Math.min(decoded.size(), from + batchSize)));
        }
    }
}
