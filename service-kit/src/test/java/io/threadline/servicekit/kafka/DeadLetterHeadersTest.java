package io.threadline.servicekit.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHeadersTest {

    @Test
    void namesTheReasonItsCauseAndWhereTheRecordCameFrom() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("ticket.events", 2, 41L, "t-1", "{");
        Headers headers = DeadLetterHeaders.of(record,
                new IllegalArgumentException("Not an integration event", new IllegalStateException("bad JSON")));

        assertThat(value(headers, "dead-letter-reason")).isEqualTo("Not an integration event");
        assertThat(value(headers, "dead-letter-cause")).isEqualTo("bad JSON");
        assertThat(value(headers, "dead-letter-topic")).isEqualTo("ticket.events");
        assertThat(value(headers, "dead-letter-partition")).isEqualTo("2");
        assertThat(value(headers, "dead-letter-offset")).isEqualTo("41");
    }

    @Test
    void aReasonWithoutCauseHasNoCauseHeader() {
        Headers headers = DeadLetterHeaders.of(new ConsumerRecord<>("customer.events", 0, 0L, "c-1", "x"),
                new IllegalArgumentException("missing payload"));

        assertThat(headers.lastHeader("dead-letter-cause")).isNull();
    }

    private static String value(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
