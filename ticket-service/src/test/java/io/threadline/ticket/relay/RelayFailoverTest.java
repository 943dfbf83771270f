package io.threadline.ticket.relay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import io.threadline.ticket.TicketServiceConfig;
import io.threadline.ticket.infrastructure.AxonConfiguration;
import io.threadline.ticket.ticket.api.TicketPriorityChangedEvent;
import io.threadline.ticket.ticket.query.TicketListProjection;
import io.threadline.ticket.ticket.threading.TicketThreading;
import io.threadline.ticket.tracing.RelayTracing;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two relays, as on two replicas, over one event store (a database of its own on the test's MongoDB, beside the
 * service's): only the lease holder publishes, the standby takes over when the leader shuts down or dies, and every
 * stored event reaches Kafka, also those appended during the handover.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class RelayFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MongoClient client;
    @Inject
    Serializer serializer;
    @Inject
    IntegrationEventMapper mapper;
    @Inject
    OutboundMessageMapper outbound;
    @Inject
    TicketThreading threading;
    @Inject
    StoredEvents storedEvents;
    @Inject
    RelayProducerFactory producers;
    @Inject
    RelayTracing tracing;

    private MongoDatabase database;
    private MongoEventStorageEngine store;
    private final Map<EventRelay, SimpleMeterRegistry> relays = new LinkedHashMap<>();
    private final List<String> appended = Collections.synchronizedList(new ArrayList<>());
    private final String run = UUID.randomUUID().toString();

    @BeforeEach
    void eventStore() {
        String name = "relay-failover-" + run;
        database = client.getDatabase(name);
        store = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, name)
                        .domainEventsCollectionName(AxonConfiguration.EVENTS_COLLECTION)
                        .snapshotEventsCollectionName(AxonConfiguration.SNAPSHOTS_COLLECTION).build())
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        store.ensureIndexes();
    }

    @AfterEach
    void stopRelays() throws InterruptedException {
        for (EventRelay relay : relays.keySet()) {
            relay.stop(null);
        }
    }

    @Test
    void onlyTheLeaderPublishesAndTheStandbyTakesOverAtOnceWhenItShutsDown() throws Exception {
        // A lease far longer than the test: the standby can only take over because the leader released it.
        EventRelay a = relay("pod-a", Duration.ofMinutes(5));
        await().atMost(WAIT).until(a::isLeader);
        EventRelay b = relay("pod-b", Duration.ofMinutes(5));
        append(20);
        awaitOnKafka(appended);
        assertThat(b.isLeader()).isFalse();
        assertThat(published(b)).as("the standby publishes nothing").isZero();
        assertThat(published(a)).isEqualTo(20);

        CompletableFuture<Void> appending = CompletableFuture.runAsync(() -> append(60));
        await().atMost(WAIT).until(() -> appended.size() >= 40);
        a.stop(null);
        await().atMost(Duration.ofSeconds(5)).until(b::isLeader);
        appending.get();

        awaitOnKafka(appended);
        assertThat(a.isLeader()).isFalse();
        assertThat(published(b)).as("the new leader relays").isPositive();
        assertThat(published(a) + published(b)).isGreaterThanOrEqualTo(appended.size());
    }

    @Test
    void theStandbyTakesOverOnceTheLeaseOfALeaderThatDiedRanOut() throws Exception {
        EventRelay a = relay("pod-a", Duration.ofSeconds(2));
        await().atMost(WAIT).until(a::isLeader);
        EventRelay b = relay("pod-b", Duration.ofSeconds(2));
        append(10);
        awaitOnKafka(appended);

        a.halt();
        append(10);
        await().atMost(WAIT).until(b::isLeader);

        awaitOnKafka(appended);
        assertThat(published(b)).as("the events stored after the leader died").isGreaterThanOrEqualTo(10);
        assertThat(published(a) + published(b)).isGreaterThanOrEqualTo(appended.size());
    }

    private EventRelay relay(String replicaId, Duration leaseLength) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EventRelay relay = new EventRelay(database, replicaId, new RelaySettings(leaseLength), mapper, outbound,
                new TicketListProjection(database), threading, storedEvents, producers, tracing, registry);
        relays.put(relay, registry);
        relay.start();
        return relay;
    }

    private double published(EventRelay relay) {
        return relays.get(relay).get("threadline.relay.published").counter().count();
    }

    /** Events of new tickets, one each, with a pause so that a handover falls among them. */
    private void append(int count) {
        for (int i = 0; i < count; i++) {
            String ticketId = "failover-" + run + "-" + appended.size();
            store.appendEvents(new GenericDomainEventMessage<>("Ticket", ticketId, 0,
                    new TicketPriorityChangedEvent(ticketId, "TL-1", "c-failover", TicketPriority.NORMAL,
                            TicketPriority.HIGH, "bob")));
            appended.add(ticketId);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every ticket's event is on ticket.events (its key is the ticket). */
    private static void awaitOnKafka(List<String> ticketIds) {
        Set<String> missing;
        synchronized (ticketIds) {
            missing = new HashSet<>(ticketIds);
        }
        try (TopicReader reader = TopicReader.of(Topics.TICKET_EVENTS)) {
            reader.readUntil(record -> {
                missing.remove(record.key());
                return missing.isEmpty();
            }, WAIT);
        }
    }

    /** Short pauses, so that a test sees a handover within seconds. */
    private record RelaySettings(Duration leaseLength) implements TicketServiceConfig.Relay {

        @Override
        public int batchSize() {
            return 500;
        }

        @Override
        public Duration idlePause() {
            return Duration.ofMillis(20);
        }

        @Override
        public Duration maxIdlePause() {
            return Duration.ofMillis(200);
        }

        @Override
        public Duration retryBackoff() {
            return Duration.ofMillis(500);
        }

        @Override
        public Duration leaseRenewInterval() {
            return Duration.ofMillis(300);
        }
    }
}
