package io.threadline.testsupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** A W3C trace context ({@code traceparent}) as a caller starts it, and the trace id a record carries on. */
public record TraceParent(String traceId, String spanId) {

    public static final String HEADER = "traceparent";

    /** A fresh, sampled trace context. */
    public static TraceParent random() {
        return new TraceParent(hex(16), hex(8));
    }

    /** The header value: version 00, sampled. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    /** The trace id in the record's {@code traceparent} header, if it has one. */
    public static Optional<String> traceIdOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(HEADER);
        return Optional.ofNullable(header)
                .map(h -> new String(h.value(), StandardCharsets.UTF_8))
                .map(value -> value.split("-"))
                .filter(parts -> parts.length == 4)
                .map(parts -> parts[1]);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // all-zero ids are invalid
        return HexFormat.of().formatHex(random);
    }
}
