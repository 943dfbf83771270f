package io.threadline.ticket.ticket.api.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.contracts.outbound.DeliveryReceipt;
import io.threadline.contracts.outbound.DeliveryStatus;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import io.threadline.testsupport.TopicWriter;
import io.threadline.ticket.testing.PublishedEvents;
import io.threadline.ticket.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The agent API against a real broker and MongoDB: tickets come in through channel.inbound as in production. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class TicketAgentApiTest {

    private static final ObjectMapper JSON = ContractJson.newMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";
    private static TopicWriter writer;

    @BeforeAll
    static void connect() {
        writer = TopicWriter.of();
    }

    @AfterAll
    static void disconnect() {
        writer.close();
    }

    @Test
    void detailShowsTheConversationWithItsVersionAsETag() throws Exception {
        Opened ticket = openTicket();

        Response detail = as(agent()).get("/api/v1/tickets/" + ticket.id());
        detail.then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("number", equalTo(ticket.number()))
                .body("status", equalTo("NEW"))
                .body("priority", equalTo("NORMAL"))
                .body("channel", equalTo("email"))
                .body("messages", hasSize(1))
                .body("messages[0].direction", equalTo("INBOUND"))
                .body("messages[0].address", equalTo(ticket.sender()))
                .body("notes", hasSize(0));
    }

    @Test
    void noteAndReplyAreRecordedButOnlyTheReplyLeavesOnTheCustomersChannel() throws Exception {
        Opened ticket = openTicket();
        String secret = "note-" + UUID.randomUUID();
        String answer = "reply-" + UUID.randomUUID();

        as(agent()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("body", secret))
                .post("/api/v1/tickets/" + ticket.id() + "/notes")
                .then().statusCode(201).header("ETag", "\"2\"").body("version", equalTo(2));
        as(agent()).header("If-Match", "\"2\"").contentType(ContentType.JSON).body(Map.of("body", answer))
                .post("/api/v1/tickets/" + ticket.id() + "/replies")
                .then().statusCode(202).header("ETag", "\"3\"").body("outboundId", not(nullValue()));

        try (TopicReader outbound = TopicReader.of(Topics.CHANNEL_OUTBOUND)) {
            List<ConsumerRecord<String, String>> seen = outbound.readUntil(r -> r.value().contains(answer), WAIT);
            ConsumerRecord<String, String> reply = seen.stream().filter(r -> r.value().contains(answer)).findFirst()
                    .orElseThrow();
            OutboundMessage message = JSON.readValue(reply.value(), OutboundMessage.class);
            assertThat(reply.key()).isEqualTo(ticket.id());
            assertThat(message.channel()).isEqualTo("email");
            assertThat(message.recipient()).isEqualTo(ticket.sender());
            assertThat(message.subject()).isEqualTo("Re: Question [#" + ticket.number() + "]");
            // The note was stored before the reply, so the relay would have published it before the reply.
            assertThat(seen).noneMatch(r -> r.value().contains(secret));
        }
        PublishedEvents.await(Topics.TICKET_EVENTS, "ReplyRequested", answer);
        PublishedEvents.await(Topics.TICKET_EVENTS, "InternalNoteAdded", secret);

        as(agent()).get("/api/v1/tickets/" + ticket.id()).then().statusCode(200)
                .body("notes[0].body", equalTo(secret))
                .body("notes[0].author", equalTo("bob"))
                .body("messages", hasSize(2))
                .body("messages[1].direction", equalTo("OUTBOUND"))
                .body("messages[1].author", equalTo("bob"));
    }

    @Test
    void replyToAnotherIdentityMustBeOneOfTheCustomers() throws Exception {
        Opened ticket = openTicket();

        as(agent()).contentType(ContentType.JSON)
                .body(Map.of("body", "Hi", "channel", "sms", "address", "+15550100"))
                .post("/api/v1/tickets/" + ticket.id() + "/replies")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("address"));
        as(agent()).contentType(ContentType.JSON)
                .body(Map.of("body", "Hi", "channel", "email", "address", ticket.sender().toUpperCase()))
                .post("/api/v1/tickets/" + ticket.id() + "/replies")
                .then().statusCode(202);
        as(agent()).contentType(ContentType.JSON).body(Map.of("body", "Hi", "channel", "email"))
                .post("/api/v1/tickets/" + ticket.id() + "/replies")
                .then().statusCode(400).body("errors.field", hasItem("address"));
    }

    @Test
    void staleIfMatchIsRefusedWith412AndTheCurrentETag() throws Exception {
        Opened ticket = openTicket();

        as(agent()).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("status", "PENDING"))
                .put("/api/v1/tickets/" + ticket.id() + "/status")
                .then().statusCode(412).contentType(PROBLEM).header("ETag", "\"1\"")
                .body("type", equalTo("https://threadline.io/problems/version-mismatch"));
        as(agent()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("status", "PENDING"))
                .put("/api/v1/tickets/" + ticket.id() + "/status")
                .then().statusCode(200).header("ETag", "\"2\"");
        as(agent()).header("If-Match", "seven").contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                .put("/api/v1/tickets/" + ticket.id() + "/status")
                .then().statusCode(400).body("errors.field", hasItem("If-Match"));
    }

    @Test
    void customerMessageReopensAPendingTicket() throws Exception {
        Opened ticket = openTicket();
        as(agent()).contentType(ContentType.JSON).body(Map.of("status", "PENDING"))
                .put("/api/v1/tickets/" + ticket.id() + "/status").then().statusCode(200);

        send(inbound(ticket.sender(), "p-" + UUID.randomUUID()));

        await().atMost(WAIT).untilAsserted(() -> as(agent()).get("/api/v1/tickets/" + ticket.id())
                .then().body("status", equalTo("OPEN")).body("messages", hasSize(2)));
        IntegrationEvent reopened = PublishedEvents.await(Topics.TICKET_EVENTS, "TicketStatusChanged", "\"previousStatus\":\"PENDING\"", ticket.id());
        assertThat(reopened.payload().path("changedBy").isMissingNode()).isTrue();
    }

    @Test
    void closedTicketIsFinalAndTheNextMessageOpensANewTicket() throws Exception {
        Opened ticket = openTicket();
        as(agent()).contentType(ContentType.JSON).body(Map.of("status", "CLOSED"))
                .put("/api/v1/tickets/" + ticket.id() + "/status").then().statusCode(200);

        as(agent()).contentType(ContentType.JSON).body(Map.of("priority", "HIGH"))
                .put("/api/v1/tickets/" + ticket.id() + "/priority")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://threadline.io/problems/ticket-closed"));

        InboundMessage later = inbound(ticket.sender(), "p-" + UUID.randomUUID());
        send(later);
        MessageReceived next = (MessageReceived) PublishedEvents.await(Topics.TICKET_EVENTS, "MessageReceived", later.providerMessageId())
                .payloadAs(JSON).orElseThrow();
        assertThat(next.ticketId()).isNotEqualTo(ticket.id());
        assertThat(next.threadingRule()).isEqualTo(ThreadingRule.NEW_TICKET);
    }

    @Test
    void onlyASupervisorTakesATicketFromAnotherAgent() throws Exception {
        Opened ticket = openTicket();
        as(TestTokens.agent("alice")).contentType(ContentType.JSON).body(Map.of("assignee", "alice", "group", "billing"))
                .put("/api/v1/tickets/" + ticket.id() + "/assignee").then().statusCode(200);

        as(TestTokens.agent("bob")).contentType(ContentType.JSON).body(Map.of("assignee", "bob"))
                .put("/api/v1/tickets/" + ticket.id() + "/assignee")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://threadline.io/problems/reassignment-not-allowed"));
        as(TestTokens.bearer("carol", "supervisor")).contentType(ContentType.JSON)
                .body(Map.of("assignee", "bob", "group", "billing"))
                .put("/api/v1/tickets/" + ticket.id() + "/assignee").then().statusCode(200);

        as(agent()).get("/api/v1/tickets/" + ticket.id()).then()
                .body("assignee", equalTo("bob")).body("group", equalTo("billing"));
    }

    @Test
    void listFiltersByAssigneeAndPagesNewestFirst() throws Exception {
        String assignee = "pager-" + UUID.randomUUID();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Opened ticket = openTicket();
            ids.add(ticket.id());
            as(agent()).contentType(ContentType.JSON).body(Map.of("assignee", assignee))
                    .put("/api/v1/tickets/" + ticket.id() + "/assignee").then().statusCode(200);
        }

        await().atMost(WAIT).untilAsserted(() -> as(agent()).queryParam("assignee", assignee)
                .get("/api/v1/tickets").then().body("items", hasSize(3)));
        Response first = as(agent()).queryParam("assignee", assignee).queryParam("limit", 2).get("/api/v1/tickets");
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", not(nullValue()))
                .body("items[0].assignee", equalTo(assignee))
                .body("items[0].status", equalTo("NEW"))
                .body("items[0].channel", equalTo("email"))
                .body("items[0].number", containsString("TL-"))
                .body("items[0].version", equalTo(2));
        List<String> firstDates = first.path("items.updatedAt");
        assertThat(Instant.parse(firstDates.get(0))).isAfterOrEqualTo(Instant.parse(firstDates.get(1)));
        Response second = as(agent()).queryParam("assignee", assignee).queryParam("limit", 2)
                .queryParam("cursor", first.path("nextCursor").toString()).get("/api/v1/tickets");
        second.then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());

        Set<String> listed = new HashSet<>(first.path("items.id"));
        listed.addAll(second.path("items.id"));
        assertThat(listed).isEqualTo(ids);
        as(agent()).queryParam("assignee", assignee).queryParam("status", "OPEN").get("/api/v1/tickets")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void listFindsACustomersTicketByCustomerAndChannel() throws Exception {
        Opened ticket = openTicket();
        await().atMost(WAIT).untilAsserted(() -> as(agent()).queryParam("customerId", ticket.customerId())
                .queryParam("channel", "email").get("/api/v1/tickets")
                .then().body("items.id", equalTo(List.of(ticket.id()))));
        as(agent()).queryParam("customerId", ticket.customerId()).queryParam("channel", "sms").get("/api/v1/tickets")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void invalidRequestsAreAnsweredWith400NamingTheField() throws Exception {
        Opened ticket = openTicket();
        String path = "/api/v1/tickets/" + ticket.id();

        as(agent()).contentType(ContentType.JSON).body(Map.of("status", "NEW")).put(path + "/status")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("status"));
        as(agent()).contentType(ContentType.JSON).body(Map.of("status", "DONE")).put(path + "/status")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("status"));
        as(agent()).contentType(ContentType.JSON).body(Map.of()).put(path + "/priority")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("priority"));
        as(agent()).contentType(ContentType.JSON).body(Map.of("body", " ")).post(path + "/notes")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("body"));
        as(agent()).queryParam("limit", 0).get("/api/v1/tickets")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("limit"));
        as(agent()).queryParam("cursor", "not-a-cursor").get("/api/v1/tickets")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("cursor"));
        as(agent()).queryParam("status", "LOST").get("/api/v1/tickets")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("status"));
    }

    @Test
    void unknownTicketIs404() {
        String unknown = UUID.randomUUID().toString();
        as(agent()).get("/api/v1/tickets/" + unknown).then().statusCode(404).contentType(PROBLEM);
        as(agent()).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                .put("/api/v1/tickets/" + unknown + "/status").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void tokensAreRequiredAndMustCarryAnAgentRole() {
        given().get("/api/v1/tickets").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/tickets")
                .then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", TestTokens.bearer("eve", "customer")).get("/api/v1/tickets")
                .then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", TestTokens.bearer("eve", "customer")).contentType(ContentType.JSON)
                .body(Map.of("status", "OPEN")).put("/api/v1/tickets/x/status")
                .then().statusCode(403).contentType(PROBLEM);
        as(TestTokens.bearer("dana", "admin")).get("/api/v1/tickets").then().statusCode(200);
        as(TestTokens.bearer("carol", "supervisor")).get("/api/v1/tickets").then().statusCode(200);
    }

    @Test
    void expiredTokenIsRefused() {
        given().header("Authorization", TestTokens.expiredAgent("bob")).get("/api/v1/tickets")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void openApiDescribesTheAgentApiAndItsBearerScheme() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/tickets/{ticketId}/replies"))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/tickets/{ticketId}/status'.put.security", not(nullValue()));
    }

    @Test
    void tamperedTokenIsRefused() {
        String[] parts = TestTokens.agent("bob").substring("Bearer ".length()).split("\\.");
        String otherSignature = TestTokens.agent("mallory").split("\\.")[2];
        given().header("Authorization", "Bearer " + parts[0] + "." + parts[1] + "." + otherSignature)
                .get("/api/v1/tickets").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void tagsFieldsAndSurveyAnswersShowOnTheTicketAndTagsFilterTheList() throws Exception {
        Opened ticket = openTicket();
        String tag = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/v1/tickets/" + ticket.id();

        as(agent()).contentType(ContentType.JSON).body(Map.of("tags", List.of(tag, "vip")))
                .put(path + "/tags").then().statusCode(200).header("ETag", "\"2\"");
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("orderId", "4411");
        as(agent()).contentType(ContentType.JSON).body(Map.of("fields", fields))
                .patch(path + "/fields").then().statusCode(200).header("ETag", "\"3\"");
        fields.put("orderId", null);
        fields.put("plan", "pro");
        as(agent()).contentType(ContentType.JSON).body(Map.of("fields", fields))
                .patch(path + "/fields").then().statusCode(200).header("ETag", "\"4\"");
        as(agent()).contentType(ContentType.JSON).body(Map.of("surveyId", "s-1", "kind", "CSAT", "score", 5,
                "comment", "Quick and kind")).post(path + "/survey-answers").then().statusCode(204);
        as(agent()).contentType(ContentType.JSON).body(Map.of("surveyId", "s-2", "kind", "CSAT", "score", 9))
                .post(path + "/survey-answers").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("score"));

        as(agent()).get(path).then().statusCode(200)
                .body("tags", equalTo(List.of(tag, "vip")))
                .body("fields", equalTo(Map.of("plan", "pro")))
                .body("surveyAnswers[0].score", equalTo(5));
        await().atMost(WAIT).untilAsserted(() -> as(agent()).queryParam("tag", tag).get("/api/v1/tickets")
                .then().body("items.id", equalTo(List.of(ticket.id()))));
        PublishedEvents.await(Topics.TICKET_EVENTS, "SurveyAnswered", ticket.id(), "\"kind\":\"CSAT\"");
        PublishedEvents.await(Topics.TICKET_EVENTS, "TicketTagsChanged", ticket.id(), tag);
    }

    @Test
    void supervisorMergesADuplicateAndItsLaterMessagesJoinTheTarget() throws Exception {
        Opened target = openTicket();
        Opened duplicate = openTicket();
        String merge = "/api/v1/tickets/" + duplicate.id() + "/merge";

        as(agent()).contentType(ContentType.JSON).body(Map.of("targetTicketId", target.id())).post(merge)
                .then().statusCode(403);
        as(TestTokens.bearer("carol", "supervisor")).contentType(ContentType.JSON)
                .body(Map.of("targetTicketId", duplicate.id())).post(merge)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("targetTicketId"));
        as(TestTokens.bearer("carol", "supervisor")).contentType(ContentType.JSON)
                .body(Map.of("targetTicketId", target.id())).post(merge)
                .then().statusCode(200).body("mergedInto", equalTo(target.id()));

        as(agent()).get("/api/v1/tickets/" + duplicate.id()).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("links.mergedInto.ticketId", equalTo(target.id()));
        as(agent()).get("/api/v1/tickets/" + target.id()).then().statusCode(200)
                .body("links.mergedFrom.ticketNumber", equalTo(List.of(duplicate.number())));

        InboundMessage later = inbound(duplicate.sender(), "p-" + UUID.randomUUID());
        send(later);
        MessageReceived joined = (MessageReceived) PublishedEvents.await(Topics.TICKET_EVENTS, "MessageReceived", later.providerMessageId())
                .payloadAs(JSON).orElseThrow();
        assertThat(joined.ticketId()).isEqualTo(target.id());
        assertThat(joined.threadingRule()).isEqualTo(ThreadingRule.EXPLICIT_REFERENCE);
        PublishedEvents.await(Topics.TICKET_EVENTS, "TicketsMerged", duplicate.id(), "\"targetTicketId\":\"" + target.id() + "\"");
    }

    @Test
    void asOfShowsTheTicketAsItWasThen() throws Exception {
        Opened ticket = openTicket();
        String path = "/api/v1/tickets/" + ticket.id();
        as(agent()).contentType(ContentType.JSON).body(Map.of("body", "first note")).post(path + "/notes")
                .then().statusCode(201);
        Instant between = Instant.now();
        Thread.sleep(5);
        as(agent()).contentType(ContentType.JSON).body(Map.of("status", "PENDING")).put(path + "/status")
                .then().statusCode(200);

        as(agent()).queryParam("asOf", between.toString()).get(path).then().statusCode(200)
                .header("ETag", "\"2\"").body("status", equalTo("NEW")).body("notes", hasSize(1));
        as(agent()).get(path).then().statusCode(200).body("status", equalTo("PENDING"));
        as(agent()).queryParam("asOf", "2000-01-01T00:00:00Z").get(path).then().statusCode(404);
        as(agent()).queryParam("asOf", "yesterday").get(path).then().statusCode(400)
                .body("detail", containsString("asOf"));
    }

    @Test
    void deliveryReceiptsShowOnTheReplyAndAFailureReachesTheTicket() throws Exception {
        Opened ticket = openTicket();
        String outboundId = as(agent()).contentType(ContentType.JSON).body(Map.of("body", "On it"))
                .post("/api/v1/tickets/" + ticket.id() + "/replies").then().statusCode(202)
                .extract().path("outboundId");
        PublishedEvents.await(Topics.TICKET_EVENTS, "ReplyRequested", outboundId);

        writer.send(Topics.CHANNEL_DELIVERY, outboundId, TopicWriter.json(new DeliveryReceipt(outboundId,
                DeliveryStatus.SENT, "smtp-1", null, Instant.now())));
        writer.send(Topics.CHANNEL_DELIVERY, outboundId, TopicWriter.json(new DeliveryReceipt(outboundId,
                DeliveryStatus.FAILED, "smtp-1", "550 mailbox unavailable", Instant.now())));
        writer.send(Topics.CHANNEL_DELIVERY, outboundId, TopicWriter.json(new DeliveryReceipt(outboundId,
                DeliveryStatus.SENT, "smtp-1", null, Instant.now())));

        await().atMost(WAIT).untilAsserted(() -> as(agent()).get("/api/v1/tickets/" + ticket.id()).then()
                .body("messages[1].delivery.status", equalTo("FAILED"))
                .body("messages[1].delivery.error", equalTo("550 mailbox unavailable")));
        PublishedEvents.await(Topics.TICKET_EVENTS, "ReplyDeliveryUpdated", outboundId, "\"status\":\"FAILED\"");
    }

    @Test
    void agentScreensHearOfTicketChangesLive() throws Exception {
        Opened ticket = openTicket();
        // The stream is fed from ticket.events: wait until this replica's live feed reads it.
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'Live ticket changes' }.status", equalTo("UP")));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                + "/api/v1/tickets/changes?ticketId=" + ticket.id()))
                .header("Authorization", agent()).header("Accept", "text/event-stream").build();
        java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<java.util.stream.Stream<String>>> response =
                client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = response.get(10,
                java.util.concurrent.TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);

        as(agent()).contentType(ContentType.JSON).body(Map.of("priority", "URGENT"))
                .put("/api/v1/tickets/" + ticket.id() + "/priority").then().statusCode(200);

        String change = java.util.concurrent.CompletableFuture.supplyAsync(() -> stream.body()
                        .filter(line -> line.startsWith("data:")).findFirst().orElseThrow())
                .get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(change).contains(ticket.id(), "\"type\":\"TicketPriorityChanged\"", "\"version\":2");
        stream.body().close();
    }

    /** A ticket opened through channel.inbound, as the relay published it. */
    private record Opened(String id, String number, String customerId, String sender) {
    }

    private static Opened openTicket() throws Exception {
        String sender = "api-" + UUID.randomUUID() + "@example.com";
        InboundMessage message = inbound(sender, "p-" + UUID.randomUUID());
        send(message);
        IntegrationEvent received = PublishedEvents.await(Topics.TICKET_EVENTS, "MessageReceived", message.providerMessageId());
        MessageReceived payload = (MessageReceived) received.payloadAs(JSON).orElseThrow();
        return new Opened(received.aggregateId(), payload.ticketNumber(), received.customerId(), sender);
    }

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer);
    }

    private static String agent() {
        return TestTokens.agent("bob");
    }

    private static InboundMessage inbound(String sender, String providerMessageId) {
        Instant now = Instant.now();
        return new InboundMessage(providerMessageId, "email", "support@acme.test", new Participant(sender, "Test Sender"),
                List.of(), ThreadReferences.none(), "Question", "Hello there", null, List.of(), now, now, Map.of());
    }

    private static void send(InboundMessage message) {
        writer.send(Topics.CHANNEL_INBOUND, message.kafkaKey(), TopicWriter.json(message));
    }

}
