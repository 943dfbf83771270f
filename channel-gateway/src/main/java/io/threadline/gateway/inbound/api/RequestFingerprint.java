package io.threadline.gateway.inbound.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadline.contracts.ContractJson;
import io.threadline.gateway.integrator.ApiKeys;

/**
 * A digest of what an integrator asked to publish, so that a retry can be told from a different message sent
 * under the same idempotency key. The id itself is left out (it may come from the header or the body), and map
 * entries are sorted so that key order in the JSON does not matter.
 */
final class RequestFingerprint {

    private static final ObjectMapper CANONICAL = ContractJson.newMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RequestFingerprint() {
    }

    static String of(InboundMessageRequest request) {
        ObjectNode tree = CANONICAL.valueToTree(request);
        tree.remove("providerMessageId");
        try {
            return ApiKeys.sha256(CANONICAL.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed request is always serializable", e);
        }
    }
}
