package io.threadline.history.rebuild;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.Identity;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.outbound.DeliveryStatus;
import io.threadline.history.CustomerScript;
import io.threadline.history.TestTokens;
import io.threadline.history.TicketScript;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicWriter;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A copy rebuilt from the replay source equals the copy built live from the same events, document by document in
 * every collection, also after an erasure. The live side gets the history through the real broker with
 * redeliveries and late, out-of-order events; the replay source (WireMock) serves each event once, in store order,
 * with the erased customer's personal fields absent as ticket-service serves them. So equality also shows that
 * the live projection is idempotent and order-independent, and that live erasure removes exactly what a replay
 * never sees.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ReplaySourceServer.class, restrictToAnnotatedClass = true)
class RebuildTest {

    private static final String PATH = "/api/v1/replay/events";
    private static final String GROUP = "customer-history";
    private static final int PAGE = 7;
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    WireMockServer replaySource;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String databaseName;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aReplayedCopyEqualsTheLiveCopyAlsoAfterAnErasure() throws Exception {
        History history = history();
        publishLiveWithRedeliveries(history);
        awaitConsumed();
        MongoDatabase database = mongo.getDatabase(databaseName);
        GenerationDump live = GenerationDump.of(database, 1);
        // The live copy holds the whole history: every entry, the erased customer scrubbed.
        assertThat(live.size("entries")).isEqualTo(history.entries);
        assertThat(live.size("customers")).isEqualTo(4);
        assertThat(live.collections().get("histories").get(history.erased).get("head", Document.class)
                .getBoolean("erased")).isTrue();

        List<IntegrationEvent> replayed = ReplayedEvents.afterErasureOf(history.erased, history.stored);
        stubPages(replayed);
        given().header("Authorization", TestTokens.admin()).post("/api/v1/admin/rebuild")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(given().header("Authorization", TestTokens.admin()).get("/api/v1/admin/rebuild")
                        .then().statusCode(200).extract().jsonPath().getString("state")).isEqualTo("COMPLETED"));
        var status = given().header("Authorization", TestTokens.admin()).get("/api/v1/admin/rebuild")
                .then().extract().jsonPath();
        assertThat(status.getInt("activeGeneration")).isEqualTo(2);
        assertThat(status.getLong("replayedEvents")).isEqualTo(replayed.size());
        assertThat(status.getLong("skippedEvents")).isZero();
        replaySource.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + ReplaySourceServer.TOKEN)));

        GenerationDump rebuilt = GenerationDump.of(database, 2);
        assertThat(rebuilt.collections().keySet())
                .containsExactlyInAnyOrder("customers", "identities", "histories", "entries", "deliveries");
        assertThat(rebuilt.differencesFrom(live)).isEmpty();

        // The comparison sees a single missing entry.
        String oneEntry = history.stored.stream().skip(history.stored.size() / 2).filter(RebuildTest::makesAnEntry)
                .findFirst().orElseThrow().eventId();
        String oneEntryKey = rebuilt.collections().get("entries").get(oneEntry).getString("_id");
        database.getCollection("g2_entries").deleteOne(Filters.eq("_id", oneEntryKey));
        assertThat(GenerationDump.of(database, 2).differencesFrom(live))
                .singleElement().asString().startsWith("entries/" + oneEntry + ": missing here");
    }

    /**
     * The live path: the history in store order except a few events held back and published after newer ones
     * (among them a message of the erased customer, which arrives after the erasure), then a shuffled third of all
     * events again.
     */
    private void publishLiveWithRedeliveries(History history) {
        List<IntegrationEvent> first = new ArrayList<>(history.stored);
        first.removeAll(history.heldBack);
        List<IntegrationEvent> redelivered = new ArrayList<>(history.stored);
        Collections.shuffle(redelivered, new Random(5));
        try (TopicWriter writer = TopicWriter.of()) {
            first.forEach(writer::publish);
            history.heldBack.forEach(writer::publish);
            redelivered.subList(0, redelivered.size() / 3).forEach(writer::publish);
        }
    }

    /** Serves the events in pages of {@value #PAGE}, chained by cursors, as the replay source does. */
    private void stubPages(List<IntegrationEvent> events) {
        int pages = (events.size() + PAGE - 1) / PAGE;
        for (int page = 0; page < pages; page++) {
            List<IntegrationEvent> slice = events.subList(page * PAGE, Math.min(events.size(), (page + 1) * PAGE));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("events", slice);
            body.put("nextCursor", page + 1 < pages ? "page-" + (page + 1) : null);
            replaySource.stubFor(get(urlPathEqualTo(PATH))
                    .withQueryParam("after", page == 0 ? absent() : equalTo("page-" + page))
                    .willReturn(okJson(TopicWriter.json(body))));
        }
    }

    /** Until the service's consumer group has committed every record of both topics. */
    private void awaitConsumed() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                for (String topic : List.of(Topics.CUSTOMER_EVENTS, Topics.TICKET_EVENTS)) {
                    admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                            .partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()),
                                    OffsetSpec.latest()));
                }
                return admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                        .allMatch(end -> end.getValue().offset() == 0 || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() == end.getValue().offset()));
            });
        }
    }

    /** Events in store order, the events the live path gets late, and how many timeline entries they make. */
    private record History(List<IntegrationEvent> stored, List<IntegrationEvent> heldBack, String erased, int entries) {
    }

    /**
     * Four customers: Alice (two identities, a profile, an unlinked identity), Bob merged into Alice and unmerged,
     * Carol merged into Alice, Erin with tickets of every entry type, then erased, then more of the others. Tickets
     * over several days.
     */
    private static History history() {
        CustomerScript alice = new CustomerScript("c-alice", T0);
        CustomerScript bob = new CustomerScript("c-bob", T0);
        CustomerScript carol = new CustomerScript("c-carol", T0);
        CustomerScript erin = new CustomerScript("c-erin", T0);
        TicketScript a1 = new TicketScript(alice.id(), "t-a1", "TL-1001", "email", T0.plusSeconds(600));
        TicketScript a2 = new TicketScript(alice.id(), "t-a2", "TL-1002", "chat", T0.plus(1, ChronoUnit.DAYS));
        TicketScript b1 = new TicketScript(bob.id(), "t-b1", "TL-1003", "chat", T0.plusSeconds(900));
        TicketScript c1 = new TicketScript(carol.id(), "t-c1", "TL-1004", "sms", T0.plus(2, ChronoUnit.DAYS));
        TicketScript e1 = new TicketScript(erin.id(), "t-e1", "TL-1005", "email", T0.plusSeconds(1200));
        TicketScript e2 = new TicketScript(erin.id(), "t-e2", "TL-1006", "sms", T0.plus(1, ChronoUnit.DAYS));

        List<IntegrationEvent> stored = new ArrayList<>();
        List<IntegrationEvent> heldBack = new ArrayList<>();
        stored.addAll(List.of(alice.registered("email", "alice@example.com", "Alice Martin"),
                bob.registered("chat", "bob-session", "Bob"),
                carol.registered("sms", "+15550100", "Carol"),
                erin.registered("email", "erin@example.com", "Erin Stone"),
                alice.linked("sms", "+15550111"), alice.profile("Alice Martin", "fr"),
                erin.linked("sms", "+15550199"), erin.profile("Erin Stone", "en")));
        stored.addAll(everyEntryType(a1, "alice@example.com", "Alice Martin", "o-a1"));
        IntegrationEvent lateAssignment = a1.assigned("bob-agent");
        stored.add(lateAssignment);
        heldBack.add(lateAssignment);
        stored.addAll(List.of(a1.mergedInto(a2), a2.opened("Follow-up"), a2.message("alice@example.com", "Alice", "Hi"),
                a2.status(TicketStatus.NEW, TicketStatus.PENDING)));
        stored.addAll(List.of(b1.opened("Chat"), b1.message("bob-session", "Bob", "Hello"), b1.reply("o-b1", "Hi Bob"),
                b1.delivery("o-b1", DeliveryStatus.FAILED, "session closed")));
        stored.addAll(List.of(c1.opened("SMS"), c1.message("+15550100", "Carol", "Call me")));
        stored.addAll(everyEntryType(e1, "erin@example.com", "Erin Stone", "o-e1"));
        stored.addAll(List.of(e2.opened("Texting"), e2.delivery("o-missing", DeliveryStatus.SENT, null)));
        IntegrationEvent erinsLateMessage = e2.message("+15550199", "Erin", "My address is 1 Main St");
        stored.add(erinsLateMessage);
        heldBack.add(erinsLateMessage);

        Identity bobsChat = new Identity("chat", "bob-session", true);
        Identity carolsSms = new Identity("sms", "+15550100", true);
        stored.addAll(List.of(alice.merged(alice.id(), bob.id(), "m-1", List.of(bobsChat)),
                bob.merged(alice.id(), bob.id(), "m-1", List.of(bobsChat)),
                alice.merged(alice.id(), carol.id(), "m-2", List.of(carolsSms)),
                carol.merged(alice.id(), carol.id(), "m-2", List.of(carolsSms)),
                alice.unmerged(alice.id(), bob.id(), "m-1", List.of(bobsChat)),
                bob.unmerged(alice.id(), bob.id(), "m-1", List.of(bobsChat)),
                alice.unlinked("sms", "+15550111"),
                erin.erased()));
        // The replay projects these in the batch of the erasure, and the merges in two batches (see the test profile's
        // rebuild batch size): a batch's state is written while the next batch's entries are stored.
        stored.addAll(List.of(a2.message("alice@example.com", "Alice", "Any news?"), c1.reply("o-c1", "We will call"),
                c1.delivery("o-c1", DeliveryStatus.DELIVERED, null)));
        int entries = (int) stored.stream().filter(RebuildTest::makesAnEntry).count();
        return new History(List.copyOf(stored), List.copyOf(heldBack), erin.id(), entries);
    }

    private static List<IntegrationEvent> everyEntryType(TicketScript t, String address, String name, String outboundId) {
        return List.of(t.opened("Order #4411 arrived damaged"), t.message(address, name, "The mug arrived in pieces"),
                t.assigned("ann"), t.priority(TicketPriority.NORMAL, TicketPriority.HIGH), t.note("Check the stock"),
                t.reply(outboundId, "A new one is on its way"), t.delivery(outboundId, DeliveryStatus.SENT, null),
                t.delivery(outboundId, DeliveryStatus.FAILED, "mailbox full"), t.tags(List.of("breakage", "vip")),
                t.fields(Map.of("order", "4411", "address", "1 Main St")),
                t.status(TicketStatus.NEW, TicketStatus.SOLVED), t.survey(4, "Quick, thanks"));
    }

    /** Ticket events make timeline entries, except delivery updates (joined into the reply's entry). */
    private static boolean makesAnEntry(IntegrationEvent event) {
        return "Ticket".equals(event.aggregateType()) && !"ReplyDeliveryUpdated".equals(event.type());
    }
}
