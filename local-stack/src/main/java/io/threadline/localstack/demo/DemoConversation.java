package io.threadline.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadline.contracts.ContractJson;
import io.threadline.localstack.launcher.Service;
import io.threadline.localstack.launcher.StackPorts;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends a short scripted conversation over email, SMS and web chat through the gateway's integrator API,
 * then prints each customer's timeline as customer-history-service shows it.
 */
public final class DemoConversation {

    private record Step(String channel, String address, String name, String subject, String text, String replyTo) {
    }

    private static final List<Step> SCRIPT = List.of(
            new Step("email", "alice@example.com", "Alice Martin", "Order #4411 arrived damaged",
                    "Hello, the mug in order #4411 arrived in pieces. Can you send a new one?", null),
            new Step("sms", "+15550100123", "Bob", null, "Hi, my parcel shows delivered but it is not here.", null),
            new Step("chat", "visitor-7f3a", "Carol", null, "Do you ship to Canada?", null),
            new Step("email", "alice@example.com", "Alice Martin", "Re: Order #4411 arrived damaged",
                    "Photos attached. Thanks!", "step-0"));

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = ContractJson.newMapper();
    private final StackPorts ports;

    public DemoConversation(StackPorts ports) {
        this.ports = ports;
    }

    public int run(PrintStream out) throws IOException, InterruptedException {
        String runId = Long.toString(Instant.now().toEpochMilli(), 36);
        for (int i = 0; i < SCRIPT.size(); i++) {
            Step step = SCRIPT.get(i);
            HttpResponse<String> response = post(message(step, runId, i));
            out.printf("%-5s from %-18s -> gateway %d%n", step.channel(), step.address(), response.statusCode());
            if (response.statusCode() / 100 != 2) {
                out.println(response.body());
                return 1;
            }
        }
        out.println();
        for (String identity : List.of("email:alice@example.com", "sms:+15550100123", "chat:visitor-7f3a")) {
            printTimeline(identity, out);
        }
        return 0;
    }

    private ObjectNode message(Step step, String runId, int index) {
        ObjectNode message = json.createObjectNode()
                .put("channel", step.channel())
                .put("providerMessageId", "demo-" + runId + "-step-" + index)
                .put("text", step.text());
        message.putObject("sender").put("address", step.address()).put("displayName", step.name());
        if (step.subject() != null) {
            message.put("subject", step.subject());
        }
        if (step.replyTo() != null) {
            message.putObject("thread").put("inReplyTo", "demo-" + runId + "-" + step.replyTo());
        }
        return message;
    }

    private HttpResponse<String> post(ObjectNode message) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(ports.baseUrl(Service.CHANNEL_GATEWAY) + "/api/v1/inbound/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the customer exists and its timeline holds this run's messages, for up to 30 s. */
    private void printTimeline(String identity, PrintStream out) throws IOException, InterruptedException {
        String history = ports.baseUrl(Service.CUSTOMER_HISTORY_SERVICE) + "/api/v1/customers";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode customer = null;
        while (customer == null && Instant.now().isBefore(deadline)) {
            HttpResponse<String> found = get(history + "/lookup?identity=" + URLEncoder.encode(identity, StandardCharsets.UTF_8));
            if (found.statusCode() == 200) {
                customer = json.readTree(found.body());
            } else {
                Thread.sleep(200);
            }
        }
        if (customer == null) {
            out.println(identity + ": not in customer-history-service yet (is ticket-service running?)");
            return;
        }
        JsonNode timeline = json.readTree(get(history + "/" + customer.get("customerId").asText() + "/timeline").body());
        out.printf("%s  (%s)  customer %s%n", customer.path("displayName").asText("?"), identity,
                customer.get("customerId").asText());
        for (JsonNode entry : timeline.get("entries")) {
            out.printf("  %s  %-8s %-6s %-8s %s%n", entry.path("occurredAt").asText(), entry.path("ticketNumber").asText(),
                    entry.path("channel").asText(), entry.path("direction").asText(), entry.path("text").asText());
        }
        out.println();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
