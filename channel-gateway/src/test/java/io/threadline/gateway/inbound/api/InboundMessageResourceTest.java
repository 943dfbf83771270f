package io.threadline.gateway.inbound.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import io.threadline.testsupport.TraceParent;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class InboundMessageResourceTest {

    private static final String PATH = "/api/v1/inbound/messages";
    private static final ObjectMapper JSON = ContractJson.newMapper();
    static final String DEV_KEY = "tl-dev-only-integrator-key";

    @Test
    void acceptedMessageIsOnChannelInboundKeyedBySender() throws Exception {
        String id = "msg-" + UUID.randomUUID();
        api().body(email(id, "Alice@Example.com"))
                .when().post(PATH)
                .then().statusCode(202)
                .body("duplicate", equalTo(false))
                .body("senderKey", equalTo("email:alice@example.com"));

        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            ConsumerRecord<String, String> record = find(reader.readUntil(r -> r.value().contains(id), Duration.ofSeconds(20)), id);
            assertThat(record.key()).isEqualTo("email:alice@example.com");
            JsonNode published = JSON.readTree(record.value());
            assertThat(published.get("channel").asText()).isEqualTo("email");
            assertThat(published.get("subject").asText()).isEqualTo("Order #4411");
            assertThat(published.get("sender").get("displayName").asText()).isEqualTo("Alice Martin");
            assertThat(published.get("acceptedAt").asText()).isNotBlank();
        }
    }

    @Test
    void theCallersTraceGoesOnWithTheMessageOnChannelInbound() {
        TraceParent trace = TraceParent.random();
        String id = "traced-" + UUID.randomUUID();
        api().header(TraceParent.HEADER, trace.header()).body(email(id, "carol@example.com"))
                .when().post(PATH)
                .then().statusCode(202);

        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            ConsumerRecord<String, String> record = find(reader.readUntil(r -> r.value().contains(id), Duration.ofSeconds(20)), id);
            assertThat(TraceParent.traceIdOf(record)).contains(trace.traceId());
        }
        // Accepted messages are counted per channel: the gateway's inbound throughput by channel.
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("threadline_gateway_inbound_publish_seconds_count{channel=\"email\""));
    }

    @Test
    void providerRetryOfTheSameMessagePublishesNothingNew() {
        String id = "retry-" + UUID.randomUUID();
        api().body(email(id, "bob@example.com")).post(PATH).then().statusCode(202);
        api().body(email(id, "bob@example.com")).post(PATH)
                .then().statusCode(200).body("duplicate", equalTo(true));
        String marker = "marker-" + UUID.randomUUID();
        api().body(email(marker, "bob@example.com")).post(PATH).then().statusCode(202);

        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            // Same key, same partition: once the marker is read, any duplicate would have been read before it.
            List<ConsumerRecord<String, String>> records = reader.readUntil(r -> r.value().contains(marker), Duration.ofSeconds(20));
            assertThat(records.stream().filter(r -> r.value().contains(id))).hasSize(1);
        }
    }

    @Test
    void missingSenderIsRejectedNamingTheField() {
        api()
                .body("{\"channel\":\"sms\",\"providerMessageId\":\"SM1\",\"text\":\"hi\"}")
                .when().post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threadline.io/problems/invalid-request"))
                .body("errors.field", hasItem("sender"));
    }

    @Test
    void badChannelNameAndBadAttachmentHashAreBothNamed() {
        api()
                .body("""
                        {"channel":"E-Mail","providerMessageId":"x1","sender":{"address":"a@b.c"},"text":"hi",
                         "attachments":[{"name":"a.pdf","size":3,"sha256":"nope"}]}""")
                .when().post(PATH)
                .then().statusCode(400)
                .body("errors.field", hasItem("channel"))
                .body("errors.field", hasItem("attachments[0].sha256"));
    }

    @Test
    void messageWithoutContentIsRejected() {
        api()
                .body("{\"channel\":\"chat\",\"providerMessageId\":\"c1\",\"sender\":{\"address\":\"v-1\"},\"text\":\"  \"}")
                .when().post(PATH)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
    }

    @Test
    void wrongTypeNamesTheField() {
        api()
                .body("{\"channel\":\"sms\",\"providerMessageId\":\"s1\",\"sender\":{\"address\":\"+1555\"},"
                        + "\"text\":\"hi\",\"receivedAt\":\"yesterday\"}")
                .when().post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("receivedAt"));
    }

    @Test
    void malformedJsonIsA400NotA500() {
        api().body("{\"channel\": \"sms\", ")
                .when().post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("Malformed JSON"));
    }

    @Test
    void readinessReflectsKafkaAndMongo() throws InterruptedException {
        // Right after startup the receipt feed may still be reading back; readiness follows within seconds.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (given().get("/q/health/ready").statusCode() != 200 && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("MongoDB connection health check"))
                .body("checks.name", hasItem("Inbound receipts"));
    }

    static io.restassured.specification.RequestSpecification api() {
        return given().header("X-Api-Key", DEV_KEY).contentType(ContentType.JSON);
    }

    private static ConsumerRecord<String, String> find(List<ConsumerRecord<String, String>> records, String id) {
        return records.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow();
    }

    static String email(String providerMessageId, String from) {
        return """
                {"channel":"email","providerMessageId":"%s","inbox":"support@acme.test",
                 "sender":{"address":"%s","displayName":"Alice Martin"},
                 "subject":"Order #4411","text":"The mug arrived in pieces."}""".formatted(providerMessageId, from);
    }
}
