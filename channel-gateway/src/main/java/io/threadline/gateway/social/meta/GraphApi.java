package io.threadline.gateway.social.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadline.gateway.outbound.DeliveryFailure;
import io.threadline.gateway.social.JsonApi;
import io.threadline.gateway.social.JsonFields;
import io.threadline.gateway.social.SocialConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Set;

/**
 * Sends through Meta's Graph API ({@code POST <graph-base-url>/<version>/<path>} with a bearer token) and sorts its
 * errors: 429, 5xx, network trouble, and the error codes Meta uses for throttling and temporary trouble (often with
 * status 400) are transient; other errors are permanent, with Meta's own message as the reason.
 */
@ApplicationScoped
public class GraphApi {

    /**
     * Graph error codes worth another try: unknown/temporary errors (1, 2), rate limits (4, 17, 32, 341, 613,
     * 80007) and WhatsApp throughput and pair limits (130429, 131048, 131056).
     */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2, 4, 17, 32, 341, 613, 80007, 130429, 131048,
            131056);

    private final SocialConfig.Meta config;
    private final JsonApi api;

    public GraphApi(SocialConfig config, JsonApi api) {
        this.config = config.meta();
        this.api = api;
    }

    /** Posts the body and returns the answer of a success; throws for anything else. */
    public JsonNode post(String product, String path, String token, JsonNode body) throws DeliveryFailure {
        URI uri = URI.create(config.graphBaseUrl().replaceAll("/+$", "") + "/" + config.graphVersion() + "/" + path);
        JsonApi.Answer answer = api.post(product, uri, token, body, config.timeout());
        if (answer.ok()) {
            return answer.body();
        }
        JsonNode error = answer.body().path("error");
        String code = JsonFields.text(error, "code");
        String subcode = JsonFields.text(error, "error_subcode");
        String message = JsonFields.text(error, "message");
        String reason = product + " " + answer.status()
                + (code == null ? "" : " (error " + code + (subcode == null ? "" : "/" + subcode) + ")")
                + ": " + (message != null ? message : answer.excerpt());
        if (answer.busyOrBroken() || error.path("is_transient").asBoolean()
                || TRANSIENT_CODES.contains(error.path("code").asInt(-1))) {
            throw DeliveryFailure.transientFailure(reason, null);
        }
        throw DeliveryFailure.permanent(reason, null);
    }

    /** A success without the id it should carry is the provider's fault, worth another try. */
    static String idIn(JsonNode answer, String product, JsonNode id) throws DeliveryFailure {
        if (id == null || !id.isValueNode() || id.asText().isBlank()) {
            throw DeliveryFailure.transientFailure(product + " answered without a message id: " + answer, null);
        }
        return id.asText();
    }
}
