package io.threadline.bench.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.IntegrationEvent;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool's replay source speaks the replay API: every event once, in pages chained by cursors, behind a token. */
class ReplaySourceServerTest {

    private static final ObjectMapper JSON = ContractJson.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesEveryEventOnceInStoreOrderPageByPage() throws Exception {
        ReplayCorpus corpus = ReplayCorpus.generate("t", 1000, 40, Instant.parse("2024-01-01T00:00:00Z"), JSON,
                new PrintStream(OutputStream.nullOutputStream()));
        try (ReplaySourceServer server = new ReplaySourceServer(corpus, "secret")) {
            List<IntegrationEvent> events = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = JSON.readTree(get(server.baseUrl(), cursor, "secret").body());
                for (JsonNode event : page.get("events")) {
                    events.add(JSON.treeToValue(event, IntegrationEvent.class));
                }
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
                pages++;
            } while (cursor != null);

            assertThat(pages).isEqualTo(3);
            assertThat(events).hasSize(1000);
            assertThat(events.stream().map(IntegrationEvent::eventId).collect(Collectors.toSet())).hasSize(1000);
            assertThat(events.stream().map(IntegrationEvent::customerId).distinct()).hasSize(40);
            assertThat(events).isSortedAccordingTo((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
            // Per-aggregate order: each aggregate's sequence numbers come 1, 2, 3, … in store order.
            Map<String, List<Long>> sequences = events.stream().collect(Collectors.groupingBy(
                    IntegrationEvent::aggregateId, Collectors.mapping(IntegrationEvent::aggregateSequence,
                            Collectors.toList())));
            sequences.values().forEach(seq -> assertThat(seq).isSorted().startsWith(1L));
            Set<String> types = new HashSet<>();
            events.forEach(e -> types.add(e.type()));
            assertThat(types).contains("CustomerRegistered", "TicketOpened", "MessageReceived", "ReplyRequested",
                    "ReplyDeliveryUpdated", "TicketStatusChanged", "SurveyAnswered");
            assertThat(server.servedEvents()).isEqualTo(1000);
        }
    }

    @Test
    void answers401WithoutItsToken() throws Exception {
        ReplayCorpus corpus = ReplayCorpus.generate("t", 10, 5, Instant.parse("2024-01-01T00:00:00Z"), JSON,
                new PrintStream(OutputStream.nullOutputStream()));
        try (ReplaySourceServer server = new ReplaySourceServer(corpus, "secret")) {
            assertThat(get(server.baseUrl(), null, "wrong").statusCode()).isEqualTo(401);
        }
    }

    private HttpResponse<String> get(URI base, String after, String token) throws Exception {
        String query = "?limit=400" + (after == null ? "" : "&after=" + after);
        return http.send(HttpRequest.newBuilder(URI.create(base + ReplaySourceServer.PATH + query))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
