package io.threadline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadline.localstack.launcher.LocalStack;
import io.threadline.localstack.launcher.Service;
import io.threadline.localstack.launcher.StackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as {@code ./threadline up} runs it: a real Kafka broker, the file-backed MongoDB stand-in and
 * the four packaged services as separate processes. A message posted to the gateway's integrator API must show
 * up in the customer's timeline as one trace across the services, and still be there after the whole stack
 * restarts on the same data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConversationEndToEndIT {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ALICE = "alice-" + RUN + "@example.com";

    @TempDir
    static Path dataDir;
    private static LocalStack.Settings settings;
    /** The trace the first message is posted in, as an instrumented integrator would start it. */
    private static final String TRACE_ID = HexFormat.of().formatHex(randomBytes(16));
    private static LocalStack stack;
    private static StackClient client;
    private static TraceCollector traces;

    @BeforeAll
    static void startStack() {
        traces = new TraceCollector();
        settings = new LocalStack.Settings(repositoryRoot(), dataDir, StackPorts.free(), Duration.ofSeconds(150),
                traces.endpoint());
        stack = LocalStack.start(settings);
        client = new StackClient(settings.ports());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceIsReady() {
        for (Service service : Service.values()) {
            StackClient.Reply health = client.get(service, "/q/health/ready");
            assertThat(health.status()).as(service.moduleName()).isEqualTo(200);
            assertThat(health.body().get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    @Order(2)
    void messagePostedToTheGatewayAppearsInTheCustomersTimeline() {
        String traceparent = "00-" + TRACE_ID + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        StackClient.Reply accepted = client.postInbound(traceparent, "email", "e2e-" + RUN + "-1", ALICE,
                "Alice Martin", "Order #4411 arrived damaged", "The mug arrived in pieces.");
        assertThat(accepted.status()).isEqualTo(202);

        JsonNode entries = awaitTimeline("email:" + ALICE, 1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("text").asText()).isEqualTo("The mug arrived in pieces.");
        assertThat(entry.get("channel").asText()).isEqualTo("email");
        assertThat(entry.get("direction").asText()).isEqualTo("INBOUND");
        assertThat(entry.get("ticketNumber").asText()).matches("TL-\\d+");
    }

    @Test
    @Order(3)
    void theMessageIsOneTraceFromTheGatewayToTheTimeline() {
        // Every hop (HTTP in, channel.inbound, the event store's relay, ticket.events) continues the caller's trace.
        // Each service exports its spans in batches of its own, so they arrive in any order.
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(traces.spansOf(TRACE_ID)).extracting(span -> span.service() + " " + span.kind()).contains(
                        "channel-gateway SPAN_KIND_SERVER",
                        "channel-gateway SPAN_KIND_PRODUCER",
                        "ticket-service SPAN_KIND_CONSUMER",
                        "ticket-service SPAN_KIND_PRODUCER",
                        "customer-history-service SPAN_KIND_CONSUMER"));
    }

    @Test
    @Order(4)
    void followUpJoinsTheSameTicket() {
        client.postInbound("email", "e2e-" + RUN + "-2", ALICE, "Alice Martin", "Re: Order #4411 arrived damaged",
                "Photos attached.");

        JsonNode entries = awaitTimeline("email:" + ALICE, 2);
        assertThat(texts(entries)).containsExactly("The mug arrived in pieces.", "Photos attached.");
        assertThat(entries.get(1).get("ticketNumber").asText()).isEqualTo(entries.get(0).get("ticketNumber").asText());
    }

    @Test
    @Order(5)
    void timelineSurvivesARestartOfTheWholeStack() {
        stack.close();
        stack = LocalStack.start(settings);

        assertThat(texts(awaitTimeline("email:" + ALICE, 2)))
                .containsExactly("The mug arrived in pieces.", "Photos attached.");

        // And the pipeline still flows after the restart: the relay resumed where it stood.
        client.postInbound("email", "e2e-" + RUN + "-3", ALICE, "Alice Martin", "Re: Order #4411", "Any news?");
        assertThat(texts(awaitTimeline("email:" + ALICE, 3))).containsExactly(
                "The mug arrived in pieces.", "Photos attached.", "Any news?");
    }

    private static JsonNode awaitTimeline(String identity, int entries) {
        return await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(250)).until(
                () -> client.customerIdOf(identity).map(client::timeline).orElse(null),
                timeline -> timeline != null && timeline.size() >= entries);
    }

    private static List<String> texts(JsonNode entries) {
        List<String> texts = new ArrayList<>();
        entries.forEach(e -> texts.add(e.get("text").asText()));
        return texts;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        bytes[0] |= 1; // an all-zero id is invalid
        return bytes;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("local-stack"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the Threadline repository");
        }
        return dir;
    }
}
