package io.threadline.gateway.inbound.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadline.contracts.ContractJson;
import io.threadline.gateway.integrator.ApiKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static final ObjectMapper JSON = ContractJson.newMapper();

    @Test
    void aRetryUnderAnotherIdOrKeyOrderHasTheSameFingerprint() throws Exception {
        String first = RequestFingerprint.of(request("m-1", "{\"a\":\"1\",\"b\":\"2\"}", "Where is my order?"));

        assertThat(RequestFingerprint.of(request("m-2", "{\"a\":\"1\",\"b\":\"2\"}", "Where is my order?")))
                .isEqualTo(first);
        assertThat(RequestFingerprint.of(request("m-1", "{\"b\":\"2\",\"a\":\"1\"}", "Where is my order?")))
                .isEqualTo(first);
    }

    @Test
    void anotherMessageHasAnotherFingerprint() throws Exception {
        assertThat(RequestFingerprint.of(request("m-1", "{}", "Where is my order?")))
                .isNotEqualTo(RequestFingerprint.of(request("m-1", "{}", "Where is my parcel?")));
    }

    /** Receipts travel between replicas and versions: the digest must stay that of the same canonical JSON. */
    @Test
    void isTheSha256OfTheCanonicalJsonWithoutTheId() throws Exception {
        InboundMessageRequest request = request("m-1", "{\"b\":\"2\",\"a\":\"1\"}", "Where is my order?");
        ObjectMapper canonical = ContractJson.newMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        ObjectNode tree = canonical.valueToTree(request);
        tree.remove("providerMessageId");

        assertThat(RequestFingerprint.of(request)).isEqualTo(ApiKeys.sha256(canonical.writeValueAsString(tree)));
    }

    private static InboundMessageRequest request(String id, String metadata, String text) throws Exception {
        return JSON.readValue("""
                {"providerMessageId": "%s", "channel": "email",
                 "sender": {"address": "ana@example.com", "displayName": "Ana"},
                 "subject": "Order 1234", "text": "%s", "receivedAt": "2026-11-22T10:00:00Z",
                 "providerMetadata": %s}
                """.formatted(id, text, metadata), InboundMessageRequest.class);
    }
}
