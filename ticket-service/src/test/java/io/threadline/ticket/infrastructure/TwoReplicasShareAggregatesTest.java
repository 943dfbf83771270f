package io.threadline.ticket.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.localstack.infra.EmbeddedMongo;
import io.threadline.ticket.customer.api.RegisterCustomerCommand;
import io.threadline.ticket.customer.api.UpdateProfileCommand;
import io.threadline.ticket.customer.command.CustomerVersionConflictException;
import io.threadline.ticket.privacy.CustomerKeys;
import io.threadline.ticket.privacy.PersonalDataSerializer;
import io.threadline.ticket.ticket.api.ChangePriorityCommand;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.OpenTicketCommand;
import io.threadline.ticket.ticket.api.TicketPriorityChangedEvent;
import io.threadline.ticket.ticket.command.TicketVersionConflictException;
import io.threadline.ticket.ticket.upcasting.TicketEventUpcasters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two replicas ("pods") of ticket-service, each with Axon and its aggregate caches configured as in production, over
 * one database on the MongoDB stand-in. When one changes an aggregate the other holds in its cache, the other decides
 * on the current version, not on its old copy.
 */
class TwoReplicasShareAggregatesTest {

    private static final String MASTER_KEY = "7omce4jCczEf8MHvHwE13SjozCa4UDAMJHYX/S69ZkQ=";
    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

    private static EmbeddedMongo mongo;
    private static MongoClient client;

    private Replica a;
    private Replica b;

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongo.startInMemory("localhost");
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void startReplicas() {
        String database = "two-replicas-" + UUID.randomUUID();
        a = new Replica(database);
        b = new Replica(database);
    }

    @AfterEach
    void stopReplicas() {
        a.axon.shutdown();
        b.axon.shutdown();
    }

    @Test
    void aReplicaHoldingAnOldCopyOfATicketChecksIfMatchAgainstTheCurrentVersion() {
        String ticketId = openTicket(a);
        long cachedByA = a.send(new ChangePriorityCommand(ticketId, TicketPriority.HIGH, "bob", null));
        long changedByB = b.send(new ChangePriorityCommand(ticketId, TicketPriority.URGENT, "carol", cachedByA));
        assertThat(changedByB).isEqualTo(cachedByA + 1);

        assertThatThrownBy(() -> a.send(new ChangePriorityCommand(ticketId, TicketPriority.LOW, "bob", cachedByA)))
                .isInstanceOf(TicketVersionConflictException.class)
                .satisfies(e -> assertThat(((TicketVersionConflictException) e).currentVersion())
                        .isEqualTo(changedByB));
        assertThat(a.send(new ChangePriorityCommand(ticketId, TicketPriority.LOW, "bob", changedByB)))
                .isEqualTo(changedByB + 1);
        assertThat(b.send(new ChangePriorityCommand(ticketId, TicketPriority.NORMAL, "carol", changedByB + 1)))
                .as("and B in turn sees A's change").isEqualTo(changedByB + 2);
    }

    @Test
    void aCommandThatChangesNothingOnTheOldCopyStillAppliesToTheCurrentTicket() {
        String ticketId = openTicket(a);
        long cachedByA = a.send(new ChangePriorityCommand(ticketId, TicketPriority.HIGH, "bob", null));
        b.send(new ChangePriorityCommand(ticketId, TicketPriority.URGENT, "carol", null));

        long afterA = a.send(new ChangePriorityCommand(ticketId, TicketPriority.HIGH, "bob", null));

        assertThat(afterA).as("HIGH again is a change, since B made it URGENT").isEqualTo(cachedByA + 2);
        assertThat(a.priorities(ticketId)).containsExactly("HIGH", "URGENT", "HIGH");
    }

    @Test
    void aReplicaHoldingAnOldCopyOfACustomerChecksIfMatchAgainstTheCurrentVersion() {
        String customerId = "c-" + UUID.randomUUID();
        a.axon.commandGateway().sendAndWait(new RegisterCustomerCommand(customerId, "email", "ann@example.com", "Ann"));
        long cachedByA = a.send(profile(customerId, "Ann", null));
        long changedByB = b.send(profile(customerId, "Ann B.", cachedByA));

        assertThat(a.send(profile(customerId, "Ann A.", changedByB))).isEqualTo(changedByB + 1);
        assertThatThrownBy(() -> a.send(profile(customerId, "Ann again", changedByB)))
                .isInstanceOf(CustomerVersionConflictException.class);
    }

    private static UpdateProfileCommand profile(String customerId, String name, Long expectedVersion) {
        return new UpdateProfileCommand(customerId, name, "en", "UTC", Map.of(), "bob", expectedVersion);
    }

    private static String openTicket(Replica replica) {
        String ticketId = "t-" + UUID.randomUUID();
        MessageDetails first = new MessageDetails("m-" + ticketId, "email", "<" + ticketId + "@mail.test>",
                "alice@example.com", "Alice", "Order", "Hello", List.of(), T, T,
                new ThreadReferences("<" + ticketId + "@mail.test>", null, List.of(), null, null));
        replica.axon.commandGateway().sendAndWait(new OpenTicketCommand(ticketId, "TL-1001", "c-1", first, null));
        return ticketId;
    }

    /** One replica: its own Axon, caches and command gateway, on the shared database. */
    private static final class Replica {

        private final Configuration axon;
        private final CommandGateway commands;

        Replica(String databaseName) {
            MongoDatabase database = client.getDatabase(databaseName);
            ObjectMapper json = ContractJson.newMapper();
            PersonalDataSerializer serializer = new PersonalDataSerializer(
                    JacksonSerializer.builder().objectMapper(json).build(), json,
                    new CustomerKeys(database, MASTER_KEY, 100));
            axon = AxonConfiguration.configure(client, databaseName, serializer, new ObjectMapper(),
                    TicketEventUpcasters.chain(), new AggregateCaches(100, database), 100);
            axon.start();
            commands = AxonConfiguration.retryingGateway(axon);
        }

        long send(Object command) {
            return commands.<Long>sendAndWait(command);
        }

        List<String> priorities(String ticketId) {
            EventStore store = axon.eventStore();
            return store.readEvents(ticketId).asStream()
                    .map(event -> event.getPayload())
                    .filter(TicketPriorityChangedEvent.class::isInstance)
                    .map(payload -> ((TicketPriorityChangedEvent) payload).priority().name())
                    .toList();
        }
    }
}
