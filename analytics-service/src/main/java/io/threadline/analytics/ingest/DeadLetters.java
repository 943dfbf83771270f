package io.threadline.analytics.ingest;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.threadline.contracts.Topics;
import io.threadline.servicekit.kafka.DeadLetterHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Parks a record that can never be projected in {@code <topic>.dlq}, with the reason in the same headers the
 * Kafka connector's own dead-letter strategy writes, and waits for the broker's acknowledgement: the batch around
 * it is only acknowledged after its poison records are safe.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void park(ConsumerRecord<String, String> record, RuntimeException reason) {
        LOG.warnf("Parking %s-%d@%d in the dead-letter topic: %s", record.topic(), record.partition(), record.offset(),
                reason.getMessage());
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.deadLetter(record.topic()))
                .withKey(record.key())
                .withHeaders(DeadLetterHeaders.of(record, reason))
                .build();
        emitter.sendMessageAndAwait(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata));
    }
}
