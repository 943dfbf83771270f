package io.threadline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.localstack.auth.DevApiKey;
import io.threadline.localstack.auth.DevTokens;
import io.threadline.localstack.launcher.Service;
import io.threadline.localstack.launcher.StackPorts;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Talks to the running services over their public HTTP APIs, as an integrator or agent screen would. */
final class StackClient {

    record Reply(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = ContractJson.newMapper();
    private final StackPorts ports;
    private final String agentToken = DevTokens.forRoleInRepository("agent", "e2e-agent");

    StackClient(StackPorts ports) {
        this.ports = ports;
    }

    Reply postInbound(String channel, String providerMessageId, String address, String name, String subject, String text) {
        return send(inbound(channel, providerMessageId, address, name, subject, text));
    }

    /** Posts as a traced caller would: with a W3C {@code traceparent} header. */
    Reply postInbound(String traceparent, String channel, String providerMessageId, String address, String name,
                      String subject, String text) {
        return send(inbound(channel, providerMessageId, address, name, subject, text).header("traceparent", traceparent));
    }

    private HttpRequest.Builder inbound(String channel, String providerMessageId, String address, String name,
                                        String subject, String text) {
        var message = json.createObjectNode().put("channel", channel).put("providerMessageId", providerMessageId)
                .put("text", text);
        message.putObject("sender").put("address", address).put("displayName", name);
        if (subject != null) {
            message.put("subject", subject);
        }
        return HttpRequest.newBuilder(uri(Service.CHANNEL_GATEWAY, "/api/v1/inbound/messages"))
                .header("Content-Type", "application/json")
                .header(DevApiKey.HEADER, DevApiKey.VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(message.toString()));
    }

    Optional<String> customerIdOf(String identity) {
        Reply reply = get(Service.CUSTOMER_HISTORY_SERVICE,
                "/api/v1/customers/lookup?identity=" + URLEncoder.encode(identity, StandardCharsets.UTF_8));
        return reply.status() == 200 ? Optional.of(reply.body().get("customerId").asText()) : Optional.empty();
    }

    /** The customer's messages in both directions, oldest first (the timeline's MESSAGE entries). */
    JsonNode timeline(String customerId) {
        Reply reply = get(Service.CUSTOMER_HISTORY_SERVICE, "/api/v1/customers/" + customerId
                + "/timeline?type=MESSAGE");
        if (reply.status() != 200) {
            throw new AssertionError("timeline answered " + reply.status() + ": " + reply.body());
        }
        return reply.body().get("entries");
    }

    Reply get(Service service, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path)).GET();
        if (service == Service.CUSTOMER_HISTORY_SERVICE) {
            // The timeline is agents' data: read it as an agent would.
            request.header("Authorization", "Bearer " + agentToken);
        }
        return send(request);
    }

    private URI uri(Service service, String path) {
        return URI.create(ports.baseUrl(service) + path);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
