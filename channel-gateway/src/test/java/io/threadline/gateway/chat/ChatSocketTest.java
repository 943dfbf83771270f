package io.threadline.gateway.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.testing.DeliveryTopics;
import io.threadline.gateway.testing.GreenMailResource;
import io.threadline.gateway.testing.HistoryApiResource;
import io.threadline.localstack.auth.DevTokens;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import io.threadline.testsupport.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.threadline.gateway.chat.HistoryStubs.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The chat socket's protocol against a real Kafka broker, with WireMock standing in for customer-history-service:
 * who may connect, visitor messages to {@code channel.inbound} with acks and dedup, bad frames, agent replies and
 * typing pushed live, history replay.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(value = HistoryApiResource.class, restrictToAnnotatedClass = true)
class ChatSocketTest {

    private static final ObjectMapper JSON = ContractJson.newMapper();
    private static final String MEMBERS_ORIGIN = "https://members.acme.test";

    @TestHTTPResource("/")
    URI base;

    WireMockServer history;

    @Test
    void anAnonymousVisitorGetsItsAddressAndTheConversationReplayedOldestFirst() throws Exception {
        String visitor = visitorId();
        HistoryStubs.conversation(history, "visitor-" + visitor, "c-" + visitor,
                entry("INBOUND", "chat", "Visitor", "Is my order shipped?", "2026-03-01T10:00:00Z") + ","
                        + entry("OUTBOUND", "chat", "Support", "It left yesterday.", "2026-03-01T10:02:00Z"),
                entry("INBOUND", "email", "Visitor", "Thanks, and the invoice?", "2026-03-02T08:00:00Z"));

        try (ChatClient chat = ChatClient.connect(anonymous(visitor))) {
            JsonNode ready = chat.next("ready");
            assertThat(ready.path("address").asText()).isEqualTo("visitor-" + visitor);
            assertThat(ready.path("verified").asBoolean()).isFalse();
            assertThat(ready.path("sessionId").asText()).isNotBlank();

            JsonNode replay = chat.next("history");
            assertThat(replay.path("messages")).extracting(m -> m.path("text").asText())
                    .containsExactly("Is my order shipped?", "It left yesterday.", "Thanks, and the invoice?");
            assertThat(replay.path("messages").get(1).path("direction").asText()).isEqualTo("outbound");
            assertThat(replay.path("messages").get(2).path("channel").asText()).isEqualTo("email");
        }
    }

    @Test
    void aVisitorTheHistoryDoesNotKnowGetsAnEmptyReplay() throws Exception {
        String visitor = visitorId();
        HistoryStubs.lookupAnswers(history, "visitor-" + visitor, 404);

        try (ChatClient chat = ChatClient.connect(anonymous(visitor))) {
            assertThat(chat.next("history").path("messages")).isEmpty();
        }
    }

    @Test
    void anUnreachableHistoryGivesANoticeAndTheChatStillWorks() throws Exception {
        String visitor = visitorId();
        HistoryStubs.lookupAnswers(history, "visitor-" + visitor, 503);

        try (ChatClient chat = ChatClient.connect(anonymous(visitor))) {
            assertThat(chat.next("notice").path("code").asText()).isEqualTo("history-unavailable");
            chat.sendMessage("m1", "Anyone there?");
            assertThat(chat.next("ack").path("clientMessageId").asText()).isEqualTo("m1");
        }
    }

    @Test
    void aSignedTokenNamesTheCustomerAndTheMessageReachesChannelInbound() throws Exception {
        String customer = "member-" + UUID.randomUUID();
        String token = VisitorTokenSigner.sign(VisitorTokenSigner.MEMBERS_SECRET, customer, "Alice Martin",
                Instant.now().plusSeconds(600));
        HistoryStubs.lookupAnswers(history, customer, 404);

        try (ChatClient chat = ChatClient.connect(socket(Map.of("site", "members", "token", token)), MEMBERS_ORIGIN);
             TopicReader inbound = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            JsonNode ready = chat.next("ready");
            assertThat(ready.path("verified").asBoolean()).isTrue();
            assertThat(ready.path("address").asText()).isEqualTo(customer);
            assertThat(ready.path("displayName").asText()).isEqualTo("Alice Martin");

            chat.sendMessage("hello-1", "  My parcel is late.  ");
            JsonNode ack = chat.next("ack");
            assertThat(ack.path("clientMessageId").asText()).isEqualTo("hello-1");
            assertThat(ack.path("duplicate").asBoolean()).isFalse();

            JsonNode message = JSON.readTree(inbound.readUntil(r -> ("chat:" + customer).equals(r.key()),
                    Duration.ofSeconds(20)).stream().filter(r -> ("chat:" + customer).equals(r.key()))
                    .findFirst().orElseThrow().value());
            assertThat(message.path("channel").asText()).isEqualTo("chat");
            assertThat(message.path("providerMessageId").asText()).isEqualTo("members:" + customer + ":hello-1");
            assertThat(message.path("inbox").asText()).isEqualTo("members");
            assertThat(message.path("sender").path("address").asText()).isEqualTo(customer);
            assertThat(message.path("sender").path("displayName").asText()).isEqualTo("Alice Martin");
            assertThat(message.path("text").asText()).isEqualTo("My parcel is late.");
            assertThat(message.path("thread").path("chatSessionId").asText()).startsWith("cs-");
            assertThat(message.path("providerMetadata").path("visitor").asText()).isEqualTo("verified");
        }
    }

    @Test
    void aMessageSentAgainAfterAReconnectIsPublishedOnce() throws Exception {
        String visitor = visitorId();
        HistoryStubs.lookupAnswers(history, "visitor-" + visitor, 404);
        String key = "chat:visitor-" + visitor;

        String session;
        try (ChatClient first = ChatClient.connect(anonymous(visitor))) {
            session = first.next("ready").path("sessionId").asText();
            first.sendMessage("resent-1", "Where is my refund?");
            assertThat(first.next("ack").path("duplicate").asBoolean()).isFalse();
        }
        try (ChatClient second = ChatClient.connect(socket(Map.of("site", "demo", "visitor", visitor,
                "session", session)));
             TopicReader inbound = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            assertThat(second.next("ready").path("sessionId").asText()).isEqualTo(session);
            second.sendMessage("resent-1", "Where is my refund?");
            JsonNode again = second.next("ack");
            assertThat(again.path("clientMessageId").asText()).isEqualTo("resent-1");
            assertThat(again.path("duplicate").asBoolean()).isTrue();
            second.sendMessage("after-1", "Still waiting.");
            second.next("ack");

            // Same key, same partition: a second copy of the first message would come before the later one.
            List<ConsumerRecord<String, String>> records = inbound.readUntil(
                    r -> key.equals(r.key()) && r.value().contains("Still waiting."), Duration.ofSeconds(20));
            List<JsonNode> mine = records.stream().filter(r -> key.equals(r.key())).map(r -> read(r.value())).toList();
            assertThat(mine).extracting(m -> m.path("text").asText())
                    .containsExactly("Where is my refund?", "Still waiting.");
            assertThat(mine.get(0).path("thread").path("chatSessionId").asText())
                    .isEqualTo(mine.get(1).path("thread").path("chatSessionId").asText());
        }
    }

    @Test
    void badFramesGetAnErrorNamingTheProblemAndPublishNothing() throws Exception {
        String visitor = visitorId();
        HistoryStubs.lookupAnswers(history, "visitor-" + visitor, 404);

        try (ChatClient chat = ChatClient.connect(anonymous(visitor))) {
            chat.next("history");
            chat.send("{not json");
            assertThat(chat.next("error").path("code").asText()).isEqualTo("bad-json");
            chat.send("[1, 2]");
            assertThat(chat.next("error").path("code").asText()).isEqualTo("bad-json");
            chat.send("{\"type\":\"message\",\"clientMessageId\":\"e1\",\"text\":\"   \"}");
            JsonNode empty = chat.next("error");
            assertThat(empty.path("code").asText()).isEqualTo("empty-text");
            assertThat(empty.path("clientMessageId").asText()).isEqualTo("e1");
            chat.sendMessage("e2", "x".repeat(4001));
            JsonNode tooLong = chat.next("error");
            assertThat(tooLong.path("code").asText()).isEqualTo("text-too-long");
            assertThat(tooLong.path("message").asText()).contains("4001").contains("4000");
            chat.send("{\"type\":\"message\",\"text\":\"no id\"}");
            assertThat(chat.next("error").path("code").asText()).isEqualTo("invalid-client-message-id");
            chat.send("{\"type\":\"dance\"}");
            assertThat(chat.next("error").path("code").asText()).isEqualTo("unknown-type");
            chat.send("{\"type\":\"typing\"}");
            // The socket is still usable after all of that.
            chat.sendMessage("e3", "x".repeat(4000));
            assertThat(chat.next("ack").path("clientMessageId").asText()).isEqualTo("e3");
        }
        try (TopicReader inbound = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            List<ConsumerRecord<String, String>> records = inbound.readUntil(
                    r -> r.value().contains(":e3\""), Duration.ofSeconds(20));
            assertThat(records).filteredOn(r -> ("chat:visitor-" + visitor).equals(r.key())).hasSize(1);
        }
    }

    @Test
    void aSocketSendingFasterThanItsRateIsToldToWait() throws Exception {
        String visitor = visitorId();
        HistoryStubs.lookupAnswers(history, "visitor-" + visitor, 404);

        try (ChatClient chat = ChatClient.connect(anonymous(visitor))) {
            chat.next("history");
            for (int i = 1; i <= 14; i++) {
                chat.sendMessage("burst-" + i, "Message " + i);
            }
            int acks = 0;
            int limited = 0;
            while (acks + limited < 14) {
                JsonNode frame = chat.poll(Duration.ofSeconds(20));
                assertThat(frame).as("a frame for every message").isNotNull();
                if ("ack".equals(frame.path("type").asText())) {
                    acks++;
                } else if ("rate-limited".equals(frame.path("code").asText())) {
                    limited++;
                }
            }
            // A burst of 10, then one message per 2 s (30 a minute).
            assertThat(acks).isBetween(10, 11);
            assertThat(limited).isEqualTo(14 - acks);
        }
    }

    @Test
    void anAgentReplyIsPushedToTheVisitorsSocketSentAndDelivered() throws Exception {
        String visitor = visitorId();
        HistoryStubs.lookupAnswers(history, "visitor-" + visitor, 404);
        String outboundId = "o-" + UUID.randomUUID();

        try (ChatClient chat = ChatClient.connect(anonymous(visitor))) {
            chat.next("history");
            DeliveryTopics.publish(new OutboundMessage(outboundId, "t-" + visitor, "TL-1001", "c-" + visitor, "chat",
                    "visitor-" + visitor, ThreadReferences.none(), null, "Your refund was issued today.", null,
                    Instant.parse("2026-03-02T09:00:00Z")));

            JsonNode reply = chat.next("reply");
            assertThat(reply.path("outboundId").asText()).isEqualTo(outboundId);
            assertThat(reply.path("text").asText()).isEqualTo("Your refund was issued today.");
            assertThat(reply.path("at").asText()).isEqualTo("2026-03-02T09:00:00Z");
        }
        List<JsonNode> receipts = DeliveryTopics.receiptsOf(outboundId, 2);
        assertThat(receipts).extracting(r -> r.path("status").asText()).contains("SENT", "DELIVERED");
    }

    @Test
    void aPushAnotherReplicaPublishedReachesTheSocketHereAndOnlyItsVisitor() throws Exception {
        String visitor = visitorId();
        HistoryStubs.lookupAnswers(history, "visitor-" + visitor, 404);
        String outboundId = "o-" + UUID.randomUUID();

        try (ChatClient chat = ChatClient.connect(anonymous(visitor));
             TopicWriter otherReplica = TopicWriter.of()) {
            chat.next("history");
            otherReplica.send(Topics.CHAT_PUSH, "visitor-someone-else", "{\"type\":\"reply\",\"address\":"
                    + "\"visitor-someone-else\",\"outboundId\":\"o-not-mine\",\"text\":\"Not for you\"}");
            otherReplica.send(Topics.CHAT_PUSH, "visitor-" + visitor, "not a push at all");
            otherReplica.send(Topics.CHAT_PUSH, "visitor-" + visitor, "{\"type\":\"reply\",\"address\":\"visitor-"
                    + visitor + "\",\"outboundId\":\"" + outboundId + "\",\"text\":\"From the other replica\"}");

            JsonNode reply = chat.next("reply");
            assertThat(reply.path("outboundId").asText()).isEqualTo(outboundId);
            assertThat(reply.path("text").asText()).isEqualTo("From the other replica");
            assertThat(chat.poll(Duration.ofMillis(500))).as("nothing else pushed").isNull();
        }
        assertThat(DeliveryTopics.receiptsOf(outboundId, 1).get(0).path("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void aReplyToAVisitorWithoutAnOpenSocketIsSentButNotDelivered() throws Exception {
        String outboundId = "o-" + UUID.randomUUID();
        DeliveryTopics.publish(new OutboundMessage(outboundId, "t-away", "c-away", "chat", "visitor-" + visitorId(),
                ThreadReferences.none(), null, "We will get back to you.", null, Instant.now()));

        assertThat(DeliveryTopics.receiptsOf(outboundId, 1).get(0).path("status").asText()).isEqualTo("SENT");
    }

    @Test
    void anAgentTypingIsPushedToTheVisitor() throws Exception {
        String visitor = visitorId();
        HistoryStubs.lookupAnswers(history, "visitor-" + visitor, 404);

        try (ChatClient chat = ChatClient.connect(anonymous(visitor))) {
            chat.next("history");
            typing("visitor-" + visitor, true).then().statusCode(202);
            assertThat(chat.next("typing").path("typing").asBoolean()).isTrue();
            typing("visitor-" + visitor, false).then().statusCode(202);
            assertThat(chat.next("typing").path("typing").asBoolean()).isFalse();
        }
    }

    @Test
    void theTypingEndpointWantsAnAgentTokenAndARecipient() {
        RestAssured.given().contentType("application/json").body("{\"recipient\":\"visitor-x\",\"typing\":true}")
                .post("/api/v1/chat/typing").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().contentType("application/json")
                .header("Authorization", "Bearer " + DevTokens.forRoleInRepository("service", "another-service"))
                .body("{\"recipient\":\"visitor-x\",\"typing\":true}")
                .post("/api/v1/chat/typing").then().statusCode(403);
        typing(null, true).then().statusCode(400).body("errors[0].field", equalTo("recipient"));
    }

    @Test
    void forgedExpiredAndMissingTokensAreRefusedWithAProblem() {
        String forged = VisitorTokenSigner.sign("another-secret-that-is-long-enough-0123456789", "member-1", null,
                Instant.now().plusSeconds(600));
        String expired = VisitorTokenSigner.sign(VisitorTokenSigner.MEMBERS_SECRET, "member-1", null,
                Instant.now().minusSeconds(120));
        String anonymousAddress = VisitorTokenSigner.sign(VisitorTokenSigner.MEMBERS_SECRET, "visitor-abc", null,
                Instant.now().plusSeconds(600));

        refused(Map.of("site", "members", "token", forged), 401, "chat-token-invalid");
        refused(Map.of("site", "members", "token", "not.a.token"), 401, "chat-token-invalid");
        refused(Map.of("site", "members", "token", anonymousAddress), 401, "chat-token-invalid");
        refused(Map.of("site", "members", "token", expired), 401, "chat-token-expired");
        refused(Map.of("site", "members", "visitor", visitorId()), 401, "chat-token-required");
        refused(Map.of("site", "nowhere", "visitor", visitorId()), 403, "chat-site-unknown");
        refused(Map.of("visitor", visitorId()), 400, "chat-site-missing");
        refused(Map.of("site", "demo", "visitor", "short"), 400, "chat-visitor-invalid");

        String valid = VisitorTokenSigner.sign(VisitorTokenSigner.MEMBERS_SECRET, "member-1", null,
                Instant.now().plusSeconds(600));
        assertThat(ChatClient.refusedWith(socket(Map.of("site", "members", "token", valid)), "https://evil.test"))
                .isEqualTo(403);
    }

    @Test
    void aSocketIsClosedWhenItsTokenExpires() throws Exception {
        String customer = "member-" + UUID.randomUUID();
        HistoryStubs.lookupAnswers(history, customer, 404);
        String token = VisitorTokenSigner.sign(VisitorTokenSigner.MEMBERS_SECRET, customer, null,
                Instant.now().plusSeconds(2));

        try (ChatClient chat = ChatClient.connect(socket(Map.of("site", "members", "token", token)), MEMBERS_ORIGIN)) {
            chat.next("ready");
            assertThat(chat.awaitClose(Duration.ofSeconds(15))).isEqualTo(4401);
        }
    }

    /** Refused on the handshake with {@code status}, and the same URL fetched plainly explains why. */
    private void refused(Map<String, String> query, int status, String problemType) {
        URI socket = socket(query);
        assertThat(ChatClient.refusedWith(socket, MEMBERS_ORIGIN)).as("handshake status for %s", query).isEqualTo(status);
        RestAssured.given().urlEncodingEnabled(false).get(socket.toString().replaceFirst("^ws", "http"))
                .then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://threadline.io/problems/" + problemType));
    }

    private static io.restassured.response.Response typing(String recipient, boolean typing) {
        String body = recipient == null ? "{\"typing\":" + typing + "}"
                : "{\"recipient\":\"" + recipient + "\",\"typing\":" + typing + "}";
        return RestAssured.given().contentType("application/json")
                .header("Authorization", "Bearer " + DevTokens.forRoleInRepository("agent", "chat-test-agent"))
                .body(body).post("/api/v1/chat/typing");
    }

    private URI anonymous(String visitor) {
        return socket(Map.of("site", "demo", "visitor", visitor));
    }

    private URI socket(Map<String, String> query) {
        return ChatClient.socketUri(base, query);
    }

    private static String visitorId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
