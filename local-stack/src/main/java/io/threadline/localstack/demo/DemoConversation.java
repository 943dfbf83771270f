package io.threadline.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadline.contracts.ContractJson;
import io.threadline.localstack.auth.DevApiKey;
import io.threadline.localstack.auth.DevTokens;
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
    private final String agentToken = DevTokens.forRoleInRepository("agent", "demo");

    public DemoConversation(StackPorts ports) {
        this.ports = ports;
    }

    public int run(PrintStream out) throws IOException, InterruptedException {
        Instant started = Instant.now();
        String runId = Long.toString(started.toEpochMilli(), 36);
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
            printTimeline(identity, started, out);
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
                        .header(DevApiKey.HEADER, DevApiKey.VALUE)
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls, for up to 30 s, until the timeline holds every message this run sent from {@code identity}. */
    private void printTimeline(String identity, Instant runStart, PrintStream out) throws IOException, InterruptedException {
        long expected = SCRIPT.stream().filter(step -> identity.equals(step.channel() + ":" + step.address())).count();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode customer = null;
        JsonNode timeline = null;
        while (Instant.now().isBefore(deadline)) {
            customer = customer != null ? customer : lookup(identity);
            timeline = customer == null ? null : timelineOf(customer);
            if (timeline != null && sentSince(timeline, runStart) >= expected) {
                break;
            }
            Thread.sleep(200);
        }
        if (timeline == null) {
            out.println(identity + ": not in customer-history-service yet (is ticket-service running?)");
            return;
        }
        out.printf("%s  (%s)  customer %s%n", customer.path("displayName").asText("?"), identity,
                customer.get("customerId").asText());
        for (JsonNode entry : timeline.get("entries")) {
            out.printf("  %s  %-8s %-6s %-8s %s%n", entry.path("occurredAt").asText(), entry.path("ticketNumber").asText(),
                    entry.path("channel").asText(), entry.path("direction").asText(), entry.path("text").asText());
        }
        if (sentSince(timeline, runStart) < expected) {
            out.println("  (some of this run's messages are not visible yet; run ./threadline demo again to see them)");
        }
        out.println();
    }

    private JsonNode lookup(String identity) throws IOException, InterruptedException {
        HttpResponse<String> found = get(historyUrl() + "/lookup?identity=" + URLEncoder.encode(identity, StandardCharsets.UTF_8));
        return found.statusCode() == 200 ? json.readTree(found.body()) : null;
    }

    private JsonNode timelineOf(JsonNode customer) throws IOException, InterruptedException {
        HttpResponse<String> page = get(historyUrl() + "/" + customer.get("customerId").asText()
                + "/timeline?type=MESSAGE&limit=200");
        return page.statusCode() == 200 ? json.readTree(page.body()) : null;
    }

    private static long sentSince(JsonNode timeline, Instant runStart) {
        long count = 0;
        for (JsonNode entry : timeline.get("entries")) {
            if (!Instant.parse(entry.get("occurredAt").asText()).isBefore(runStart.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))) {
                count++;
            }
        }
        return count;
    }

    private String historyUrl() {
        return ports.baseUrl(Service.CUSTOMER_HISTORY_SERVICE) + "/api/v1/customers";
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        // The timeline is agents' data: the demo reads it as an agent would.
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + agentToken).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
