package io.threadline.gateway.inbound.dedup;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The receipt of a message travels with it on {@code channel.inbound}, as record headers, so that every replica
 * can learn what the others published by reading headers only, never parsing the message.
 */
public final class ReceiptHeaders {

    static final String KEY = "threadline-dedup-key";
    static final String ACCEPTED_AT = "threadline-accepted-at";
    static final String FINGERPRINT = "threadline-fingerprint";

    private ReceiptHeaders() {
    }

    public static Headers of(Receipt receipt) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KEY, bytes(receipt.key()));
        headers.add(ACCEPTED_AT, bytes(receipt.acceptedAt().toString()));
        if (receipt.fingerprint() != null) {
            headers.add(FINGERPRINT, bytes(receipt.fingerprint()));
        }
        return headers;
    }

    /** The receipt these headers carry; empty for records without one (or with a damaged one). */
    public static Optional<Receipt> read(Headers headers) {
        String key = text(headers.lastHeader(KEY));
        String acceptedAt = text(headers.lastHeader(ACCEPTED_AT));
        if (key == null || acceptedAt == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Receipt(key, Instant.parse(acceptedAt), text(headers.lastHeader(FINGERPRINT))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
