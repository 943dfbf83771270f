package io.threadline.ticket.relay;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.StartupEvent;
import io.threadline.servicekit.metrics.HeldGauges;
import io.threadline.ticket.TicketServiceConfig;
import io.threadline.ticket.infrastructure.AxonConfiguration;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.query.TicketListProjection;
import io.threadline.ticket.ticket.threading.TicketThreading;
import io.threadline.ticket.tracing.RelayTracing;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.BsonDocument;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes every event appended to the event store to Kafka, in append order, by tailing the event
 * collection's change stream. Its position (the change stream's resume token) is saved only after Kafka
 * acknowledged the events before it, so a crash or a Kafka outage replays from there: at least once, never lost,
 * per-aggregate order kept. Consumers deduplicate by eventId and sequence. Each record continues the trace of the
 * command that appended its event ({@link RelayTracing}).
 *
 * <p>Agents' replies also go to {@code channel.outbound}, and the ticket list read model and the replies' threading
 * keys are updated from the same stream (see {@link TicketListProjection} for why), so they share the relay's
 * resume-after-failure guarantee.
 *
 * <p>With several replicas only one relays: the holder of a lease in MongoDB ({@link RelayLeadership}). The others
 * stand by and try to take the lease every renew interval; the leader releases it when it shuts down, so a standby
 * takes over at once, and after a crash within the lease length. A new leader resumes from the saved position.
 *
 * <p>On the very first start (no saved position) it opens the stream, then publishes what the collection
 * already holds, then follows the stream: events appended meanwhile may go out twice, none is missed.
 */
@Singleton
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final long AWAIT_MILLIS = 200;
    private static final String BEHIND = "threadline.relay.behind.seconds";
    private static final String LEADER = "threadline.relay.leader";

    private final MongoCollection<Document> events;
    private final RelayLeadership leadership;
    private final RelayPosition position;
    private final IntegrationEventMapper mapper;
    private final OutboundMessageMapper outbound;
    private final TicketListProjection ticketList;
    private final TicketThreading threading;
    private final StoredEvents storedEvents;
    private final RelayProducerFactory producers;
    private final RelayTracing tracing;
    private final TicketServiceConfig.Relay config;
    private final Counter published;
    private final Timer lag;
    private final MeterRegistry registry;

    private volatile boolean running;
    private volatile Instant lastPublishedAt;
    /** Append time of the oldest event sent but not yet acknowledged by Kafka; null while caught up. */
    private volatile Instant oldestUnacked;
    private final List<Instant> appendedAt = new ArrayList<>();
    private volatile String lastError;
    private Thread thread;

    @Inject
    public EventRelay(MongoDatabase database, IntegrationEventMapper mapper, OutboundMessageMapper outbound,
                      TicketListProjection ticketList, TicketThreading threading, StoredEvents storedEvents,
                      RelayProducerFactory producers, RelayTracing tracing, TicketServiceConfig config,
                      MeterRegistry registry) {
        this(database, config.replicaId(), config.relay(), mapper, outbound, ticketList, threading, storedEvents,
                producers, tracing, registry);
    }

    EventRelay(MongoDatabase database, String replicaId, TicketServiceConfig.Relay config,
               IntegrationEventMapper mapper, OutboundMessageMapper outbound, TicketListProjection ticketList,
               TicketThreading threading, StoredEvents storedEvents, RelayProducerFactory producers,
               RelayTracing tracing, MeterRegistry registry) {
        this.events = database.getCollection(AxonConfiguration.EVENTS_COLLECTION);
        this.leadership = new RelayLeadership(database, replicaId, config);
        this.position = new RelayPosition(database, leadership);
        this.mapper = mapper;
        this.outbound = outbound;
        this.ticketList = ticketList;
        this.threading = threading;
        this.storedEvents = storedEvents;
        this.producers = producers;
        this.tracing = tracing;
        this.config = config;
        this.published = Counter.builder("threadline.relay.published")
                .description("Stored events published to Kafka by the relay").register(registry);
        this.lag = Timer.builder("threadline.relay.lag")
                .description("From an event's append to the store until Kafka acknowledged its record")
                .publishPercentiles(0.5, 0.99).register(registry);
        HeldGauges.register(registry, Gauge.builder(BEHIND, this, EventRelay::secondsBehind)
                .description("Age of the oldest stored event the relay has not yet had acknowledged (0 when caught up)"));
        HeldGauges.register(registry, Gauge.builder(LEADER, leadership, lead -> lead.isLeader() ? 1 : 0)
                .description("1 while this replica holds the relay's lease and relays, 0 while it stands by"));
        this.registry = registry;
    }

    private double secondsBehind() {
        Instant oldest = oldestUnacked;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    // Starts before the Kafka consumers begin appending events (they start on a later priority).
    void start(@Observes @Priority(20) StartupEvent event) {
        start();
    }

    void start() {
        running = true;
        thread = new Thread(this::run, "event-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops once the application scope is gone, i.e. after the Kafka consumers stopped feeding commands, so the
     * events of the last commands are still published; then releases the lease, so a standby takes over at once.
     */
    void stop(@Observes @Priority(10) @Destroyed(ApplicationScoped.class) Object event) throws InterruptedException {
        halt();
        try {
            leadership.release();
        } catch (RuntimeException e) {
            LOG.warnf("Could not release the relay's lease; a standby takes over once it runs out: %s", e);
        }
    }

    /** Stops relaying, keeping the lease (as a crash would). */
    void halt() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    public Instant lastPublishedAt() {
        return lastPublishedAt;
    }

    /** The last failure, or null once the relay publishes again (or stands by, healthy). */
    public String lastError() {
        return lastError;
    }

    /** Whether this replica holds the lease and relays; false while it stands by for the leader. */
    public boolean isLeader() {
        return leadership.isLeader();
    }

    private void run() {
        while (running) {
            try {
                boolean wasLeader = leadership.isLeader();
                if (!leadership.acquire()) {
                    lastError = null;
                    pause(leadership.renewInterval());
                    continue;
                }
                if (!wasLeader) {
                    LOG.infof("Replica %s holds the relay's lease: relaying", leadership.replicaId());
                }
                try (Producer<String, String> producer = producers.create();
                     KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer)) {
                    producerMetrics.bindTo(registry);
                    relay(producer);
                }
            } catch (RelayLeadership.LeadershipLost e) {
                LOG.warnf("Replica %s stopped relaying: %s", leadership.replicaId(), e.getMessage());
                oldestUnacked = null;
            } catch (RuntimeException | ExecutionException | InterruptedException e) {
                if (!running) {
                    return;
                }
                lastError = rootCause(e).toString();
                LOG.warnf("Event relay interrupted, resuming from the last acknowledged event in %s: %s",
                        config.retryBackoff(), lastError);
                pause(config.retryBackoff());
            }
        }
    }

    private void relay(Producer<String, String> producer) throws ExecutionException, InterruptedException {
        appendedAt.clear();
        BsonDocument saved = position.load().orElse(null);
        var watch = saved == null ? events.watch() : events.watch().resumeAfter(saved);
        try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream =
                     watch.maxAwaitTime(AWAIT_MILLIS, TimeUnit.MILLISECONDS).cursor()) {
            if (saved == null) {
                publishExisting(producer);
            }
            List<Future<RecordMetadata>> inFlight = new ArrayList<>();
            BsonDocument pendingToken = null;
            Duration idlePause = config.idlePause();
            while (running) {
                leadership.confirm();
                ChangeStreamDocument<Document> change = stream.tryNext();
                if (change != null) {
                    if (change.getOperationType() == OperationType.INSERT) {
                        send(producer, change.getFullDocument(), inFlight);
                    }
                    pendingToken = change.getResumeToken();
                }
                if ((change == null || inFlight.size() >= config.batchSize()) && pendingToken != null) {
                    awaitAcks(inFlight);
                    position.save(pendingToken);
                    pendingToken = null;
                }
                if (change == null) {
                    // The MongoDB stand-in answers at once instead of waiting maxAwaitTime, and each read scans its
                    // oplog: pause, longer while nothing happens, instead of spinning.
                    Thread.sleep(idlePause.toMillis());
                    idlePause = min(idlePause.multipliedBy(2), config.maxIdlePause());
                } else {
                    idlePause = config.idlePause();
                }
            }
            awaitAcks(inFlight);
            if (pendingToken != null) {
                position.save(pendingToken);
            }
        }
    }

    private void publishExisting(Producer<String, String> producer) throws ExecutionException, InterruptedException {
        List<Future<RecordMetadata>> inFlight = new ArrayList<>();
        long count = 0;
        for (Document stored : events.find().sort(new Document("_id", 1))) {
            leadership.confirm();
            send(producer, stored, inFlight);
            count++;
            if (inFlight.size() >= config.batchSize()) {
                awaitAcks(inFlight);
            }
        }
        awaitAcks(inFlight);
        LOG.infof("Event relay started without a saved position: published the %d stored events", count);
    }

    private void send(Producer<String, String> producer, Document stored, List<Future<RecordMetadata>> inFlight) {
        var stream = storedEvents.read(stored);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            appendedAt.add(event.getTimestamp());
            if (oldestUnacked == null) {
                oldestUnacked = event.getTimestamp();
            }
            ticketList.apply(event);
            if (event.getPayload() instanceof ReplyRequestedEvent reply) {
                threading.rememberReply(reply);
            }
            mapper.toEvent(event).ifPresent(published ->
                    inFlight.add(producer.send(tracing.traced(mapper.toRecord(published), event.getMetaData()))));
            outbound.toRecord(event).ifPresent(record ->
                    inFlight.add(producer.send(tracing.traced(record, event.getMetaData()))));
        }
    }

    private void awaitAcks(List<Future<RecordMetadata>> inFlight) throws ExecutionException, InterruptedException {
        if (!inFlight.isEmpty()) {
            for (Future<RecordMetadata> ack : inFlight) {
                ack.get();
            }
            published.increment(inFlight.size());
            lastPublishedAt = Instant.now();
            lastError = null;
            inFlight.clear();
        }
        Instant now = Instant.now();
        appendedAt.forEach(appended -> lag.record(Duration.between(appended, now)));
        appendedAt.clear();
        oldestUnacked = null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
