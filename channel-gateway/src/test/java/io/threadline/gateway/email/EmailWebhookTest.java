package io.threadline.gateway.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.gateway.testing.GreenMailResource;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Raw MIME through the inbound-parse webhook: published, deduplicated, bounces and bad input. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(GreenMailResource.class)
class EmailWebhookTest {

    private static final String PATH = "/webhooks/email/inbound";
    private static final ObjectMapper JSON = ContractJson.newMapper();

    @Test
    void aRawEmailIsPublishedOnceWithItsThreadAndTrimmedText() throws Exception {
        String id = "<" + UUID.randomUUID() + "@mail.example.com>";
        String mail = mail(id, "alice@example.com", "Re: Order [#TL-1001]", """
                The new address is fine.

                On Tue, 3 Mar 2026 at 10:12, Acme Support <support@acme.test> wrote:
                > Can we ship to your office instead?""", "In-Reply-To: <o-1@threadline.local>\r\n");

        webhook().contentType("message/rfc822").body(utf8(mail)).queryParam("inbox", "support@acme.test").post(PATH)
                .then().statusCode(202).body("providerMessageId", equalTo(id))
                .body("senderKey", equalTo("email:alice@example.com"));
        webhook().contentType("message/rfc822").body(utf8(mail)).post(PATH)
                .then().statusCode(200).body("duplicate", equalTo(true));

        JsonNode published = JSON.readTree(publishedOnce(id).value());
        assertThat(published.get("channel").asText()).isEqualTo("email");
        assertThat(published.get("inbox").asText()).isEqualTo("support@acme.test");
        assertThat(published.get("subject").asText()).isEqualTo("Re: Order [#TL-1001]");
        assertThat(published.get("text").asText()).isEqualTo("The new address is fine.");
        assertThat(published.get("thread").get("messageId").asText()).isEqualTo(id);
        assertThat(published.get("thread").get("inReplyTo").asText()).isEqualTo("<o-1@threadline.local>");
    }

    @Test
    void aSendGridStyleFormWithTheRawMessageIsAccepted() {
        String id = "<" + UUID.randomUUID() + "@mail.example.com>";
        webhook().multiPart("email", mail(id, "bob@example.com", "Hello", "Where is my parcel?", ""))
                .multiPart("to", "support@acme.test").post(PATH)
                .then().statusCode(202).body("providerMessageId", equalTo(id));
    }

    @Test
    void anAutoReplyIsPublishedMarkedAsAutomatic() throws Exception {
        String id = "<" + UUID.randomUUID() + "@mail.example.com>";
        webhook().contentType("message/rfc822")
                .body(rawMail(id, "carol@example.com", "Out of office", "Back on Monday.", "Auto-Submitted: auto-replied\r\n"))
                .post(PATH).then().statusCode(202);

        JsonNode published = JSON.readTree(publishedOnce(id).value());
        assertThat(published.get("providerMetadata").get("autoSubmitted").asText()).isEqualTo("Auto-Submitted: auto-replied");
    }

    @Test
    void aBounceOfOurReplyBecomesAFailedReceiptNotAMessage() throws Exception {
        String outboundId = "o-" + UUID.randomUUID();
        String bounce = """
                From: Mail Delivery Subsystem <mailer-daemon@mx.example.com>\r
                Message-ID: <dsn-%s@mx.example.com>\r
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"\r
                \r
                --r\r
                Content-Type: message/delivery-status\r
                \r
                Final-Recipient: rfc822; gone@example.com\r
                Action: failed\r
                Status: 5.1.1\r
                --r\r
                Content-Type: text/rfc822-headers\r
                \r
                Message-ID: <%s@threadline.local>\r
                --r--\r
                """.formatted(outboundId, outboundId);

        webhook().contentType("message/rfc822").body(utf8(bounce)).post(PATH)
                .then().statusCode(200).body("bounce", equalTo(true)).body("outboundIds", hasItem(outboundId));

        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_DELIVERY)) {
            ConsumerRecord<String, String> receipt = reader.readUntil(r -> outboundId.equals(r.key()),
                    Duration.ofSeconds(20)).stream().filter(r -> outboundId.equals(r.key())).findFirst().orElseThrow();
            JsonNode failed = JSON.readTree(receipt.value());
            assertThat(failed.get("status").asText()).isEqualTo("FAILED");
            assertThat(failed.get("error").asText()).startsWith("bounced").contains("Status: 5.1.1");
        }
    }

    @Test
    void withoutTheSecretNothingIsPublished() {
        String id = "<" + UUID.randomUUID() + "@mail.example.com>";
        given().contentType("message/rfc822").body(rawMail(id, "eve@example.com", "x", "y", "")).post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("inbound", "guessed").contentType("message/rfc822")
                .body(rawMail(id, "eve@example.com", "x", "y", "")).post(PATH).then().statusCode(401);
        String marker = "<" + UUID.randomUUID() + "@mail.example.com>";
        webhook().contentType("message/rfc822").body(rawMail(marker, "eve@example.com", "x", "y", "")).post(PATH)
                .then().statusCode(202);

        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(r -> r.value().contains(marker),
                    Duration.ofSeconds(20));
            assertThat(records).noneMatch(r -> r.value().contains(id));
        }
    }

    @Test
    void malformedEmptyAndOversizedMailIsRejected() {
        webhook().contentType("message/rfc822").body(utf8("just some words, no headers")).post(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        webhook().contentType("message/rfc822").body(utf8("From: a@example.com\r\nMessage-ID: <e@x>\r\n\r\n")).post(PATH)
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("no text, subject or attachment"));
        webhook().contentType("message/rfc822").body(new byte[0]).post(PATH).then().statusCode(400);
        webhook().multiPart("subject", "no raw message").post(PATH)
                .then().statusCode(400).body("errors.field", hasItem("email"));
        // %test limits bodies to 2 MB. The server answers 413 from the declared length and closes the connection;
        // with Expect: 100-continue the client waits for that answer instead of racing it with 3 MB of body.
        webhook().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.protocol.expect-continue", true)))
                .contentType("message/rfc822")
                .body(rawMail("<big@x>", "a@example.com", "big", "x".repeat(3_000_000), "")).post(PATH)
                .then().statusCode(413);
    }

    private static ConsumerRecord<String, String> publishedOnce(String id) {
        String marker = "<" + UUID.randomUUID() + "@mail.example.com>";
        webhook().contentType("message/rfc822").body(rawMail(marker, "marker@example.com", "m", "marker", "")).post(PATH)
                .then().statusCode(202);
        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            List<ConsumerRecord<String, String>> matching = reader.readUntil(r -> r.value().contains(marker),
                    Duration.ofSeconds(20)).stream().filter(r -> r.value().contains(id)).toList();
            assertThat(matching).hasSize(1);
            return matching.get(0);
        }
    }

    private static RequestSpecification webhook() {
        return given().auth().preemptive().basic("inbound", "test-email-webhook-secret");
    }

    private static byte[] rawMail(String messageId, String from, String subject, String text, String extraHeaders) {
        return utf8(mail(messageId, from, subject, text, extraHeaders));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String mail(String messageId, String from, String subject, String text, String extraHeaders) {
        return ("From: Customer <" + from + ">\r\nTo: support@acme.test\r\nSubject: " + subject + "\r\nMessage-ID: "
                + messageId + "\r\n" + extraHeaders + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + text.replace("\n", "\r\n") + "\r\n");
    }
}
