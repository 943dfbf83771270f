package io.threadline.bench.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.AggregateType;
import io.threadline.contracts.events.IntegrationEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes integration events as ticket-service does: on their aggregate's topic, keyed by aggregate id, acks=all. */
final class KafkaEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;
    private final AtomicLong failed = new AtomicLong();

    /** @param lingerMs how long the producer may hold a record to batch it: 0 for latency, a few ms for throughput */
    KafkaEvents(String bootstrapServers, ObjectMapper json, int lingerMs) {
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs),
                new StringSerializer(), new StringSerializer());
    }

    void publish(IntegrationEvent event) {
        String topic = AggregateType.CUSTOMER.equals(event.aggregateType()) ? Topics.CUSTOMER_EVENTS : Topics.TICKET_EVENTS;
        try {
            producer.send(new ProducerRecord<>(topic, event.aggregateId(), json.writeValueAsString(event)),
                    (metadata, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        }
                    });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every event sent is acknowledged; fails if any was not. */
    void flush() {
        producer.flush();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " events were not acknowledged by Kafka");
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
