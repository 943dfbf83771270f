package io.threadline.gateway.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.gateway.testing.GreenMailResource;
import io.threadline.gateway.testing.TwilioApiResource;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.threadline.gateway.sms.TwilioWebhooks.INBOUND;
import static io.threadline.gateway.sms.TwilioWebhooks.PUBLIC_BASE_URL;
import static io.threadline.gateway.sms.TwilioWebhooks.post;
import static io.threadline.gateway.sms.TwilioWebhooks.signature;
import static io.threadline.gateway.sms.TwilioWebhooks.signed;
import static io.threadline.gateway.sms.TwilioWebhooks.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Twilio's incoming-message webhook: signatures over the public URL, dedup by MessageSid, MMS media, bad input. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(value = TwilioApiResource.class, restrictToAnnotatedClass = true)
class SmsWebhookTest {

    private static final ObjectMapper JSON = ContractJson.newMapper();

    @Test
    void aSignedSmsIsPublishedOnceAndAReplayedWebhookPublishesNothing() throws Exception {
        String sid = sid();
        String from = number();
        Map<String, String> params = sms(sid, from, "Where is my parcel?");

        signed(INBOUND, params).statusCode(200).contentType(containsString("text/xml"))
                .body(equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
        signed(INBOUND, params).statusCode(200);

        ConsumerRecord<String, String> record = publishedOnce(sid);
        assertThat(record.key()).isEqualTo("sms:" + from);
        JsonNode message = JSON.readTree(record.value());
        assertThat(message.get("channel").asText()).isEqualTo("sms");
        assertThat(message.get("providerMessageId").asText()).isEqualTo(sid);
        assertThat(message.get("sender").get("address").asText()).isEqualTo(from);
        assertThat(message.get("inbox").asText()).isEqualTo("+15550100000");
        assertThat(message.get("recipients").get(0).get("address").asText()).isEqualTo("+15550100000");
        assertThat(message.get("text").asText()).isEqualTo("Where is my parcel?");
        assertThat(message.get("providerMetadata").get("accountSid").asText()).isEqualTo(TwilioWebhooks.ACCOUNT);
        assertThat(message.get("providerMetadata").get("numSegments").asText()).isEqualTo("1");
        assertThat(message.get("providerMetadata").has("fromCity")).isFalse();
    }

    @Test
    void theSignatureCoversTheQueryOfTheRegisteredUrl() {
        String sid = sid();
        Map<String, String> params = sms(sid, number(), "Hello with a query");
        String path = INBOUND + "?inbox=sales";
        post(path, params, signature(PUBLIC_BASE_URL + path, params, TwilioWebhooks.AUTH_TOKEN)).statusCode(200);
        post(path, sms(sid(), number(), "x"), signature(PUBLIC_BASE_URL + INBOUND, params, TwilioWebhooks.AUTH_TOKEN))
                .statusCode(403);
    }

    @Test
    void mmsMediaBecomeAttachmentMetadata() throws Exception {
        String sid = "MM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> params = sms(sid, number(), "");
        String media = "https://api.twilio.com/2010-04-01/Accounts/" + TwilioWebhooks.ACCOUNT + "/Messages/" + sid + "/Media/";
        params.put("NumMedia", "2");
        params.put("MediaUrl0", media + "ME0001");
        params.put("MediaContentType0", "image/jpeg");
        params.put("MediaUrl1", media + "ME0002");
        params.put("MediaContentType1", "application/pdf");

        signed(INBOUND, params).statusCode(200);

        JsonNode message = JSON.readTree(publishedOnce(sid).value());
        assertThat(message.has("text")).isFalse();
        JsonNode attachments = message.get("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).get("name").asText()).isEqualTo("ME0001");
        assertThat(attachments.get(0).get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(attachments.get(0).get("location").asText()).isEqualTo(media + "ME0001");
        assertThat(attachments.get(1).get("contentType").asText()).isEqualTo("application/pdf");
    }

    @Test
    void forgedOrMissingSignaturesAreRefusedAndPublishNothing() {
        String sid = sid();
        Map<String, String> params = sms(sid, number(), "Send me a refund");
        String publicUrl = PUBLIC_BASE_URL + INBOUND;

        post(INBOUND, params, null).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("Missing X-Twilio-Signature"));
        post(INBOUND, params, signature(publicUrl, params, "a-guessed-token")).statusCode(403)
                .body("type", containsString("invalid-signature"));
        // Signed for the URL the gateway sees behind the proxy, not the one registered with Twilio.
        post(INBOUND, params, signature("http://localhost:8081" + INBOUND, params, TwilioWebhooks.AUTH_TOKEN))
                .statusCode(403);
        // A field changed after signing.
        String genuine = signature(publicUrl, params, TwilioWebhooks.AUTH_TOKEN);
        params.put("Body", "Send me two refunds");
        post(INBOUND, params, genuine).statusCode(403);

        String marker = sid();
        signed(INBOUND, sms(marker, number(), "marker")).statusCode(200);
        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(r -> r.value().contains(marker),
                    Duration.ofSeconds(20));
            assertThat(records).noneMatch(r -> r.value().contains(sid));
        }
    }

    @Test
    void emptyMessagesAndMissingFieldsGet400NamingTheField() {
        signed(INBOUND, sms(sid(), number(), "  ")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("Body"));
        Map<String, String> noSid = sms(sid(), number(), "hi");
        noSid.remove("MessageSid");
        signed(INBOUND, noSid).statusCode(400).body("errors.field", hasItem("MessageSid"));
        Map<String, String> noSender = sms(sid(), number(), "hi");
        noSender.remove("From");
        signed(INBOUND, noSender).statusCode(400).body("errors.field", hasItem("From"));
        Map<String, String> badMedia = sms(sid(), number(), "hi");
        badMedia.put("NumMedia", "lots");
        signed(INBOUND, badMedia).statusCode(400).body("errors.field", hasItem("NumMedia"));
        Map<String, String> missingMedia = sms(sid(), number(), "");
        missingMedia.put("NumMedia", "1");
        signed(INBOUND, missingMedia).statusCode(400).body("errors.field", hasItem("MediaUrl0"));
    }

    static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    static String number() {
        return "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    static ConsumerRecord<String, String> publishedOnce(String sid) {
        String marker = sid();
        signed(INBOUND, sms(marker, number(), "marker")).statusCode(200);
        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            List<ConsumerRecord<String, String>> matching = reader.readUntil(r -> r.value().contains(marker),
                    Duration.ofSeconds(20)).stream().filter(r -> r.value().contains(sid)).toList();
            assertThat(matching).hasSize(1);
            return matching.get(0);
        }
    }
}
