package io.threadline.servicekit.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * The headers a parked record carries in {@code <topic>.dlq}: the same ones the Kafka connector's own
 * dead-letter strategy writes (reason, cause, where the record came from), so every dead-letter topic reads alike.
 */
public final class DeadLetterHeaders {

    private DeadLetterHeaders() {
    }

    public static RecordHeaders of(ConsumerRecord<?, ?> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "dead-letter-reason", String.valueOf(reason.getMessage()));
        if (reason.getCause() != null) {
            add(headers, "dead-letter-cause", String.valueOf(reason.getCause().getMessage()));
        }
        add(headers, "dead-letter-topic", record.topic());
        add(headers, "dead-letter-partition", String.valueOf(record.partition()));
        add(headers, "dead-letter-offset", String.valueOf(record.offset()));
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
