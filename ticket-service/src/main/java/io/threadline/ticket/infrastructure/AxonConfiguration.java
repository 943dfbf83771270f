package io.threadline.ticket.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.StartupEvent;
import io.threadline.contracts.ContractJson;
import io.threadline.ticket.TicketServiceConfig;
import io.threadline.ticket.customer.command.Customer;
import io.threadline.ticket.privacy.CustomerKeys;
import io.threadline.ticket.privacy.PersonalDataSerializer;
import io.threadline.ticket.ticket.command.Ticket;
import io.threadline.ticket.ticket.upcasting.TicketEventUpcasters;
import io.threadline.ticket.tracing.EventTraceContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.Executors;

/**
 * Axon Framework wired by hand, without Axon Server or Spring: the event store is the service's MongoDB,
 * events are JSON through Jackson, aggregates are cached and snapshotted so that a long ticket stays fast, and every
 * event keeps the trace context of the command that appended it.
 */
public class AxonConfiguration {

    /** Where Axon keeps events; the relay tails this collection. */
    public static final String EVENTS_COLLECTION = "domainevents";
    /** Where Axon keeps aggregate snapshots. */
    public static final String SNAPSHOTS_COLLECTION = "snapshotevents";

    /** Events as JSON, their personal data sealed with the customer's key (crypto-shredding). */
    @Produces
    @Singleton
    Serializer serializer(ObjectMapper quarkusMapper, CustomerKeys keys) {
        ObjectMapper json = ContractJson.configure(quarkusMapper.copy());
        return new PersonalDataSerializer(JacksonSerializer.builder().objectMapper(json).build(), json, keys);
    }

    /** Every change of a stored event's shape; shared by the store and the relay. */
    @Produces
    @Singleton
    EventUpcasterChain upcasters() {
        return TicketEventUpcasters.chain();
    }

    @Produces
    @Singleton
    Configuration axon(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                       Serializer serializer, ObjectMapper quarkusMapper, EventUpcasterChain upcasters,
                       AggregateCaches caches, TicketServiceConfig config, OpenTelemetry openTelemetry) {
        Configuration configuration = configure(mongo, database, serializer, quarkusMapper, upcasters, caches,
                config.snapshotThreshold());
        configuration.eventBus().registerDispatchInterceptor(new EventTraceContext(openTelemetry));
        return configuration;
    }

    /** Axon on the service's database: the event store, both aggregates with their caches and snapshots. */
    static Configuration configure(MongoClient mongo, String database, Serializer serializer,
                                   ObjectMapper quarkusMapper, EventUpcasterChain upcasters, AggregateCaches caches,
                                   int snapshotThreshold) {
        MongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(mongo, database)
                .domainEventsCollectionName(EVENTS_COLLECTION)
                .snapshotEventsCollectionName(SNAPSHOTS_COLLECTION)
                .build();
        return DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                // No tracking processor runs today (the relay tails a change stream and keeps its own position);
                // a processor added later keeps its tokens in MongoDB, like everything else.
                .registerComponent(TokenStore.class, c -> MongoTokenStore.builder()
                        .mongoTemplate(template).serializer(serializer).build())
                .configureEmbeddedEventStore(c -> MongoEventStorageEngine.builder()
                        .mongoTemplate(template)
                        .eventSerializer(serializer)
                        .snapshotSerializer(AggregateSnapshots.serializer(quarkusMapper))
                        .upcasterChain(upcasters)
                        .build())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Ticket.class)
                        .configureCache(c -> caches.tickets())
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(),
                                snapshotThreshold)))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Customer.class)
                        .configureCache(c -> caches.customers()))
                .buildConfiguration();
    }

    /** Retries a command that lost a race on an aggregate (ConcurrencyException) a few times. */
    @Produces
    @Singleton
    CommandGateway commandGateway(Configuration axon) {
        return retryingGateway(axon);
    }

    static CommandGateway retryingGateway(Configuration axon) {
        return DefaultCommandGateway.builder()
                .commandBus(axon.commandBus())
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(Executors.newSingleThreadScheduledExecutor())
                        .maxRetryCount(5)
                        .retryInterval(50)
                        .build())
                .build();
    }

    @Produces
    @Singleton
    EventStore eventStore(Configuration axon) {
        return axon.eventStore();
    }

    void start(@Observes @Priority(10) StartupEvent event, Configuration axon) {
        axon.start();
    }

    /**
     * Axon stops last: after the application scope (and with it the Kafka consumers) is gone and after the relay.
     * Stopped earlier, in-flight messages would fail with "no handler" and be dead-lettered instead of redelivered.
     */
    void stop(@Observes @Priority(20) @Destroyed(ApplicationScoped.class) Object event, Configuration axon) {
        axon.shutdown();
    }
}
