package io.threadline.ticket.customer.api.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicWriter;
import io.threadline.ticket.testing.PublishedEvents;
import io.threadline.ticket.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The customer API against a real broker and MongoDB: identities, profile, merge and unmerge. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class CustomerApiTest {

    private static final ObjectMapper JSON = ContractJson.newMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
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
    void identitiesAndProfileAreKeptAndAnIdentityHasOneOwner() throws Exception {
        Sender alice = Sender.email();
        Sender bob = Sender.sms();
        String aliceId = firstMessage(alice).customerId();
        firstMessage(bob);
        String visitor = "visitor-" + UUID.randomUUID();

        as(agent()).queryParam("identity", alice.key()).get("/api/v1/customers/lookup")
                .then().statusCode(200).body("customerId", equalTo(aliceId)).header("ETag", "\"0\"");
        as(agent()).contentType(ContentType.JSON).body(identity("sms", bob.address()))
                .post("/api/v1/customers/" + aliceId + "/identities")
                .then().statusCode(409).body("type", containsString("identity-taken"));
        as(agent()).contentType(ContentType.JSON).body(identity("chat", visitor))
                .post("/api/v1/customers/" + aliceId + "/identities").then().statusCode(200);
        as(agent()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("name", "Alice Martin", "language", "fr", "timeZone", "Europe/Paris",
                        "attributes", Map.of("plan", "pro")))
                .put("/api/v1/customers/" + aliceId + "/profile").then().statusCode(200).header("ETag", "\"2\"");
        as(agent()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("name", "Stale"))
                .put("/api/v1/customers/" + aliceId + "/profile").then().statusCode(412);

        as(agent()).queryParam("identity", "chat:" + visitor).get("/api/v1/customers/lookup").then().statusCode(200)
                .body("customerId", equalTo(aliceId))
                .body("profile.name", equalTo("Alice Martin"))
                .body("identities.address", hasItem(visitor));
        as(agent()).contentType(ContentType.JSON).body(Map.of("channel", "chat", "address", ""))
                .post("/api/v1/customers/" + aliceId + "/identities").then().statusCode(400);
        as(agent()).queryParam("identity", "nonsense").get("/api/v1/customers/lookup").then().statusCode(400);
        PublishedEvents.await(Topics.CUSTOMER_EVENTS, "IdentityLinked", visitor);
        PublishedEvents.await(Topics.CUSTOMER_EVENTS, "CustomerProfileUpdated", aliceId, "Europe/Paris");
    }

    @Test
    void mergedCustomersShareIdentitiesAndTicketsUntilTheMergeIsUndone() throws Exception {
        Sender alice = Sender.email();
        Sender aliceBySms = Sender.sms();
        Received aliceTicket = firstMessage(alice);
        String aliceId = aliceTicket.customerId();
        String smsId = firstMessage(aliceBySms).customerId();
        String merges = "/api/v1/customers/" + aliceId + "/merges";

        as(agent()).contentType(ContentType.JSON).body(Map.of("mergedCustomerId", smsId)).post(merges)
                .then().statusCode(403);
        String mergeId = as(supervisor()).contentType(ContentType.JSON).body(Map.of("mergedCustomerId", smsId))
                .post(merges).then().statusCode(201).extract().path("mergeId");

        as(agent()).queryParam("identity", aliceBySms.key()).get("/api/v1/customers/lookup")
                .then().statusCode(200).body("customerId", equalTo(aliceId))
                .body("merges[0].mergedCustomerId", equalTo(smsId));
        as(agent()).get("/api/v1/customers/" + smsId).then().body("mergedInto", equalTo(aliceId));
        // A text from the merged identity now joins Alice's open ticket.
        Received text = message(aliceBySms);
        assertThat(text.ticketId()).isEqualTo(aliceTicket.ticketId());
        assertThat(text.threadingRule()).isEqualTo(ThreadingRule.OPEN_TICKET);
        PublishedEvents.await(Topics.CUSTOMER_EVENTS, "CustomersMerged", "\"customerId\":\"" + smsId + "\"", mergeId);

        as(supervisor()).delete(merges + "/" + mergeId).then().statusCode(204);
        as(agent()).queryParam("identity", aliceBySms.key()).get("/api/v1/customers/lookup")
                .then().statusCode(200).body("customerId", equalTo(smsId));
        as(agent()).get("/api/v1/customers/" + aliceId).then()
                .body("identities.channel", not(hasItem("sms")));
        PublishedEvents.await(Topics.CUSTOMER_EVENTS, "CustomersUnmerged", "\"customerId\":\"" + aliceId + "\"", mergeId);
        as(supervisor()).delete(merges + "/" + mergeId).then().statusCode(409);
    }

    @Test
    void exportHoldsEverythingAndErasureLeavesOnlyTheFacts() throws Exception {
        Sender carol = Sender.email();
        Received ticket = firstMessage(carol);
        String customerId = ticket.customerId();
        String customer = "/api/v1/customers/" + customerId;
        as(agent()).contentType(ContentType.JSON).body(Map.of("body", "Replacement on its way"))
                .post("/api/v1/tickets/" + ticket.ticketId() + "/replies").then().statusCode(202);

        as(agent()).get(customer + "/export").then().statusCode(403);
        as(admin()).get(customer + "/export").then().statusCode(200)
                .body("customer.identities[0].address", equalTo(carol.address()))
                .body("tickets[0].messages[0].text", equalTo("Hi"))
                .body("tickets[0].messages[1].text", equalTo("Replacement on its way"));

        as(agent()).post(customer + "/erasure").then().statusCode(403);
        as(admin()).post(customer + "/erasure").then().statusCode(200)
                .body("customerIds", equalTo(List.of(customerId))).body("tickets", equalTo(1));
        as(admin()).post(customer + "/erasure").then().statusCode(200);

        as(agent()).get("/api/v1/tickets/" + ticket.ticketId()).then().statusCode(200)
                .body("number", not(equalTo(null)))
                .body("subject", equalTo(null))
                .body("messages", org.hamcrest.Matchers.hasSize(2))
                .body("messages[0].text", equalTo(null))
                .body("messages[0].address", equalTo(null))
                .body("messages[1].text", equalTo(null))
                .body("messages[1].direction", equalTo("OUTBOUND"));
        as(agent()).get(customer).then().statusCode(200).body("erased", equalTo(true))
                .body("identities", org.hamcrest.Matchers.hasSize(0));
        as(agent()).queryParam("identity", carol.key()).get("/api/v1/customers/lookup").then().statusCode(404);
        as(agent()).contentType(ContentType.JSON).body(Map.of("body", "Anyone there?"))
                .post("/api/v1/tickets/" + ticket.ticketId() + "/replies").then().statusCode(409);
        PublishedEvents.await(Topics.CUSTOMER_EVENTS, "CustomerErased", customerId);

        String replayed = as(admin()).queryParam("limit", 5000).get("/api/v1/replay/events").then().statusCode(200)
                .extract().asString();
        assertThat(replayed).contains(ticket.ticketId()).doesNotContain(carol.address());
    }

    @Test
    void aCustomerErasedAfterAnUnmergeLeavesNoAddressInTheSurvivorsHistory() throws Exception {
        Sender alice = Sender.email();
        Sender stranger = Sender.sms();
        String aliceId = firstMessage(alice).customerId();
        String strangerId = firstMessage(stranger).customerId();
        String merges = "/api/v1/customers/" + aliceId + "/merges";
        String mergeId = as(supervisor()).contentType(ContentType.JSON).body(Map.of("mergedCustomerId", strangerId))
                .post(merges).then().statusCode(201).extract().path("mergeId");
        // Merged by mistake: undone, and the other person then asks to be forgotten.
        as(supervisor()).delete(merges + "/" + mergeId).then().statusCode(204);
        as(admin()).post("/api/v1/customers/" + strangerId + "/erasure").then().statusCode(200)
                .body("customerIds", equalTo(List.of(strangerId)));

        String export = as(admin()).get("/api/v1/customers/" + aliceId + "/export").then().statusCode(200)
                .body("customer.identities.address", hasItem(alice.address()))
                .extract().asString();
        assertThat(export).doesNotContain(stranger.address());
        PublishedEvents.await(Topics.CUSTOMER_EVENTS, "CustomerErased", strangerId);
        String replayed = as(admin()).queryParam("limit", 5000).get("/api/v1/replay/events").then().statusCode(200)
                .extract().asString();
        assertThat(replayed).contains(mergeId, alice.address()).doesNotContain(stranger.address());
    }

    private static Map<String, Object> identity(String channel, String address) {
        return Map.of("channel", channel, "address", address, "verified", false, "evidence", "agent checked by phone");
    }

    /** A sender of its own, so tests never see each other's customers. */
    private record Sender(String channel, String address) {
        static Sender email() {
            return new Sender("email", "customer-" + UUID.randomUUID() + "@example.com");
        }

        static Sender sms() {
            return new Sender("sms", "+1555" + (1_000_000 + (long) (Math.random() * 8_999_999)));
        }

        String key() {
            return channel + ":" + address;
        }
    }

    private static Received firstMessage(Sender sender) throws Exception {
        return message(sender);
    }

    private static Received message(Sender sender) throws Exception {
        Instant now = Instant.now();
        InboundMessage message = new InboundMessage("p-" + UUID.randomUUID(), sender.channel(), "acme",
                new Participant(sender.address(), "Customer"), List.of(), ThreadReferences.none(), "Question", "Hi",
                null, List.of(), now, now, Map.of());
        writer.send(Topics.CHANNEL_INBOUND, message.kafkaKey(), TopicWriter.json(message));
        IntegrationEvent received = PublishedEvents.await(Topics.TICKET_EVENTS, "MessageReceived", message.providerMessageId());
        MessageReceived payload = (MessageReceived) received.payloadAs(JSON).orElseThrow();
        return new Received(payload.ticketId(), received.customerId(), payload.threadingRule());
    }

    /** Where a message went: its ticket, customer and threading rule. */
    private record Received(String ticketId, String customerId, ThreadingRule threadingRule) {
    }

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer);
    }

    private static String agent() {
        return TestTokens.agent("bob");
    }

    private static String admin() {
        return TestTokens.bearer("root", "admin");
    }

    private static String supervisor() {
        return TestTokens.bearer("carol", "supervisor");
    }
}
