package io.threadline.gateway.inbound.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.threadline.contracts.Topics;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.threadline.gateway.inbound.api.InboundMessageResourceTest.api;
import static io.threadline.gateway.inbound.api.InboundMessageResourceTest.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** API keys, rate limits, size limits and the Idempotency-Key header of the integrator API. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class IntegratorApiTest {

    private static final String PATH = "/api/v1/inbound/messages";

    @Test
    void withoutAKnownKeyNothingIsPublished() {
        String missing = "nokey-" + UUID.randomUUID();
        String unknown = "unknown-" + UUID.randomUUID();
        String retired = "retired-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(email(missing, "eve@example.com")).post(PATH)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("X-Api-Key"))
                .body("type", equalTo("https://threadline.io/problems/unauthenticated"));
        given().header("X-Api-Key", "guessed-key").contentType(ContentType.JSON).body(email(unknown, "eve@example.com"))
                .post(PATH).then().statusCode(401);
        given().header("X-Api-Key", "test-retired-key").contentType(ContentType.JSON)
                .body(email(retired, "eve@example.com")).post(PATH).then().statusCode(401);
        String marker = "marker-" + UUID.randomUUID();
        api().body(email(marker, "eve@example.com")).post(PATH).then().statusCode(202);

        List<ConsumerRecord<String, String>> records = readUntil(marker);
        assertThat(records).noneMatch(r -> r.value().contains(missing) || r.value().contains(unknown)
                || r.value().contains(retired));
    }

    @Test
    void aKeyLimitedToSmsMayNotPublishEmail() {
        given().header("X-Api-Key", "test-sms-only-key").contentType(ContentType.JSON)
                .body(email("sms-only-" + UUID.randomUUID(), "eve@example.com")).post(PATH)
                .then().statusCode(403).body("type", equalTo("https://threadline.io/problems/channel-not-allowed"));
        given().header("X-Api-Key", "test-sms-only-key").contentType(ContentType.JSON)
                .body(sms("sms-" + UUID.randomUUID())).post(PATH)
                .then().statusCode(202);
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfter() {
        // The "slow" key: burst 2, then 1 per second.
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 4; i++) {
            Response response = given().header("X-Api-Key", "test-slow-key").contentType(ContentType.JSON)
                    .body(sms("slow-" + UUID.randomUUID())).post(PATH);
            if (response.statusCode() == 429) {
                limited++;
                retryAfter = response.header("Retry-After");
                assertThat(response.contentType()).startsWith("application/problem+json");
            } else {
                assertThat(response.statusCode()).isEqualTo(202);
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(1);
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 2);
    }

    @Test
    void aBodyOverTheLimitGets413() {
        String text = "x".repeat(1_100_000);
        api().body("{\"channel\":\"sms\",\"providerMessageId\":\"big-1\",\"sender\":{\"address\":\"+1555\"},\"text\":\""
                        + text + "\"}")
                .post(PATH).then().statusCode(413);
    }

    @Test
    void theIdempotencyKeyHeaderCanCarryTheId() {
        String id = "idem-" + UUID.randomUUID();
        String body = """
                {"channel":"chat","sender":{"address":"visitor-7"},"text":"Is anyone there?"}""";
        api().header("Idempotency-Key", id).body(body).post(PATH)
                .then().statusCode(202).body("providerMessageId", equalTo(id));
        api().header("Idempotency-Key", id).body(body).post(PATH)
                .then().statusCode(200).body("duplicate", equalTo(true));
    }

    @Test
    void aReusedKeyWithAnotherMessageIs422() {
        String id = "reuse-" + UUID.randomUUID();
        api().header("Idempotency-Key", id).body(sms(null).replace("Where is my parcel?", "First"))
                .post(PATH).then().statusCode(202);
        api().header("Idempotency-Key", id).body(sms(null).replace("Where is my parcel?", "Second"))
                .post(PATH).then().statusCode(422)
                .body("type", equalTo("https://threadline.io/problems/idempotency-key-reused"));
    }

    @Test
    void aMissingIdOrConflictingIdsAreNamed() {
        api().body(sms(null)).post(PATH)
                .then().statusCode(400).body("errors.field", hasItem("providerMessageId"));
        api().header("Idempotency-Key", "a-1").body(sms("b-2")).post(PATH)
                .then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
        api().header("Idempotency-Key", "k".repeat(600)).body(sms(null)).post(PATH)
                .then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void unknownFieldsAreTolerated() {
        api().body("""
                        {"channel":"sms","providerMessageId":"%s","sender":{"address":"+15550100","carrier":"x"},
                         "text":"hello","futureField":{"a":1}}""".formatted("unknown-" + UUID.randomUUID()))
                .post(PATH).then().statusCode(202).body("acceptedAt", notNullValue());
    }

    private static List<ConsumerRecord<String, String>> readUntil(String marker) {
        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            return reader.readUntil(r -> r.value().contains(marker), Duration.ofSeconds(20));
        }
    }

    private static String sms(String providerMessageId) {
        return """
                {"channel":"sms",%s"sender":{"address":"+15550100123"},"text":"Where is my parcel?"}"""
                .formatted(providerMessageId == null ? "" : "\"providerMessageId\":\"" + providerMessageId + "\",");
    }
}
