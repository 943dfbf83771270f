package io.threadline.bench.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.IntegrationEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes integration events to {@code ticket.events} as fast as the broker takes them (acks=all, batched). */
final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;
    private final AtomicLong failed = new AtomicLong();

    EventPublisher(String bootstrapServers, ObjectMapper json) {
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new StringSerializer());
    }

    void publish(List<IntegrationEvent> events) {
        events.forEach(this::send);
    }

    void send(IntegrationEvent event) {
        try {
            producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, event.aggregateId(), json.writeValueAsString(event)),
                    (metadata, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        }
                    });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every event sent is acknowledged; returns how many failed. */
    long flush() {
        producer.flush();
        return failed.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
