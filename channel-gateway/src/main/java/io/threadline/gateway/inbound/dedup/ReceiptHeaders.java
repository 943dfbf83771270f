package io.threadline.gateway.inbound.dedup;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The receipt of a message travels with it on {@code channel.inbound} as one record header,
 * {@code threadline-receipt: <acceptedAt as epoch nanoseconds> <fingerprint or -> <dedup key>}, so that every
 * replica learns what the others published by reading one header, never parsing the message. The key goes last
 * because it is the only part that may contain spaces.
 */
public final class ReceiptHeaders {

    static final String RECEIPT = "threadline-receipt";
    private static final String NO_FINGERPRINT = "-";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private ReceiptHeaders() {
    }

    public static Headers of(Receipt receipt) {
        Instant at = receipt.acceptedAt();
        String value = (at.getEpochSecond() * NANOS_PER_SECOND + at.getNano()) + " "
                + (receipt.fingerprint() == null ? NO_FINGERPRINT : receipt.fingerprint()) + " " + receipt.key();
        return new RecordHeaders().add(RECEIPT, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The receipt these headers carry; empty for records without one (or with a damaged one). */
    public static Optional<Receipt> read(Headers headers) {
        Header header = headers.lastHeader(RECEIPT);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        int firstSpace = value.indexOf(' ');
        int secondSpace = firstSpace < 0 ? -1 : value.indexOf(' ', firstSpace + 1);
        if (secondSpace < 0 || secondSpace == value.length() - 1) {
            return Optional.empty();
        }
        try {
            long nanos = Long.parseLong(value, 0, firstSpace, 10);
            String fingerprint = value.substring(firstSpace + 1, secondSpace);
            return Optional.of(new Receipt(value.substring(secondSpace + 1),
                    Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND)),
                    NO_FINGERPRINT.equals(fingerprint) ? null : fingerprint));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
