package io.threadline.gateway.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.gateway.outbound.DeliveryFailure;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs JSON to a provider's API and reads its JSON answer. No answer (network trouble, a timeout) is a transient
 * failure; what an answer means is the caller's business.
 */
@ApplicationScoped
public class JsonApi {

    /** A provider's answer: the status and its body as a tree (empty when absent or not JSON). */
    public record Answer(int status, JsonNode body, String raw) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Worth another try: rate limited or the provider's own trouble. */
        public boolean busyOrBroken() {
            return status == 429 || status >= 500;
        }

        /** The raw body, cut short for a failure reason. */
        public String excerpt() {
            return raw == null ? "" : raw.length() > 200 ? raw.substring(0, 200) + "..." : raw;
        }
    }

    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public JsonApi(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param provider named in failure reasons; the URI is not, since Telegram's carries the bot token
     */
    public Answer post(String provider, URI uri, String bearerToken, JsonNode body, Duration timeout)
            throws DeliveryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw DeliveryFailure.transientFailure(provider + " unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.transientFailure("interrupted while sending", e);
        }
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Request not serializable", e);
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode tree = body == null || body.isBlank() ? null : json.readTree(body);
            return tree == null ? json.createObjectNode() : tree;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
