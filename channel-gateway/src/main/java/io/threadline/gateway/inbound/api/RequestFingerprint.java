package io.threadline.gateway.inbound.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.threadline.contracts.ContractJson;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of what an integrator asked to publish, so that a retry can be told from a different message sent
 * under the same idempotency key. The id itself is left out (it may come from the header or the body), and map
 * entries are sorted so that key order in the JSON does not matter. The JSON streams straight into the digest:
 * this runs for every accepted message.
 */
final class RequestFingerprint {

    private static final ObjectWriter CANONICAL = ContractJson.newMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addMixIn(InboundMessageRequest.class, WithoutId.class)
            .writer();

    @JsonIgnoreProperties("providerMessageId")
    private abstract static class WithoutId {
    }

    private RequestFingerprint() {
    }

    static String of(InboundMessageRequest request) {
        MessageDigest sha256 = sha256();
        try (OutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            CANONICAL.writeValue(digest, request);
        } catch (IOException e) {
            throw new UncheckedIOException("A parsed request is always serializable", e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
