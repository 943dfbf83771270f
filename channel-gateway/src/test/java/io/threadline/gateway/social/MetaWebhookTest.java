package io.threadline.gateway.social;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.gateway.social.meta.MetaSignature;
import io.threadline.gateway.testing.GreenMailResource;
import io.threadline.gateway.testing.SocialApiResource;
import io.threadline.testsupport.InfrastructureResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static io.threadline.gateway.social.MetaWebhooks.INSTAGRAM_ID;
import static io.threadline.gateway.social.MetaWebhooks.PAGE_ID;
import static io.threadline.gateway.social.MetaWebhooks.PATH;
import static io.threadline.gateway.social.MetaWebhooks.messaging;
import static io.threadline.gateway.social.MetaWebhooks.messenger;
import static io.threadline.gateway.social.MetaWebhooks.mid;
import static io.threadline.gateway.social.MetaWebhooks.post;
import static io.threadline.gateway.social.MetaWebhooks.psid;
import static io.threadline.gateway.social.MetaWebhooks.published;
import static io.threadline.gateway.social.MetaWebhooks.publishedOnce;
import static io.threadline.gateway.social.MetaWebhooks.signed;
import static io.threadline.gateway.social.MetaWebhooks.wamid;
import static io.threadline.gateway.social.MetaWebhooks.whatsapp;
import static io.threadline.gateway.social.MetaWebhooks.whatsappText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Meta's webhooks for Messenger, Instagram and WhatsApp: the subscription handshake, signatures over the raw body,
 * messages published once each, batches, and what is acknowledged without being published.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(value = SocialApiResource.class, restrictToAnnotatedClass = true)
class MetaWebhookTest {

    @Test
    void theHandshakeEchoesTheChallengeOnlyForTheVerifyToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", MetaWebhooks.VERIFY_TOKEN)
                .queryParam("hub.challenge", "1158201444").get(PATH)
                .then().statusCode(200).contentType(containsString("text/plain")).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guessed")
                .queryParam("hub.challenge", "1158201444").get(PATH)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("invalid-verify-token"));
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", MetaWebhooks.VERIFY_TOKEN)
                .queryParam("hub.challenge", "1").get(PATH).then().statusCode(403);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", MetaWebhooks.VERIFY_TOKEN)
                .get(PATH).then().statusCode(400).body("errors.field", hasItem("hub.challenge"));
    }

    @Test
    void aSignedMessengerMessageIsPublishedOnceAndAReplayedWebhookPublishesNothing() {
        String mid = mid();
        String customer = psid();
        String body = messenger(mid, customer, "My order never arrived");

        signed(body).statusCode(200).contentType(containsString("application/json"))
                .body("published", equalTo(1)).body("duplicates", equalTo(0));
        signed(body).statusCode(200).body("published", equalTo(0)).body("duplicates", equalTo(1));

        ConsumerRecord<String, String> record = published(mid).get(0);
        assertThat(published(mid)).hasSize(1);
        assertThat(record.key()).isEqualTo("messenger:" + customer);
        JsonNode message = InboundTopic.value(record);
        assertThat(message.get("channel").asText()).isEqualTo("messenger");
        assertThat(message.get("sender").get("address").asText()).isEqualTo(customer);
        assertThat(message.get("inbox").asText()).isEqualTo(PAGE_ID);
        assertThat(message.get("thread").get("conversationId").asText()).isEqualTo(PAGE_ID + ":" + customer);
        assertThat(message.get("text").asText()).isEqualTo("My order never arrived");
        assertThat(message.get("receivedAt").asText()).isEqualTo("2025-11-01T12:26:40.123Z");
        assertThat(message.get("providerMetadata").get("pageId").asText()).isEqualTo(PAGE_ID);
    }

    @Test
    void instagramMessagesAndTheirAttachmentsArePublished() {
        String mid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx" + mid();
        String customer = psid();
        signed(messaging("instagram", INSTAGRAM_ID, """
                {"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1762000000123,
                 "message":{"mid":"%s","attachments":[
                   {"type":"image","payload":{"url":"https://lookaside.fbsbx.com/ig_messaging_cdn/photo_4711.jpg?asset_id=1"}},
                   {"type":"story_mention","payload":{"url":"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2"}}]}}"""
                .formatted(customer, INSTAGRAM_ID, mid))).statusCode(200).body("published", equalTo(1));

        JsonNode message = publishedOnce(mid);
        assertThat(message.get("channel").asText()).isEqualTo("instagram");
        assertThat(message.get("thread").get("conversationId").asText()).isEqualTo(INSTAGRAM_ID + ":" + customer);
        assertThat(message.has("text")).isFalse();
        JsonNode attachments = message.get("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).get("name").asText()).isEqualTo("photo_4711.jpg");
        assertThat(attachments.get(0).get("location").asText()).startsWith("https://lookaside.fbsbx.com/");
        assertThat(attachments.get(1).get("name").asText()).isEqualTo("story_mention");
        assertThat(message.get("providerMetadata").get("instagramAccountId").asText()).isEqualTo(INSTAGRAM_ID);
    }

    @Test
    void aWhatsAppBatchWithSeveralEntriesAndMessagesPublishesEachOnce() {
        String text = wamid();
        String image = wamid();
        String document = wamid();
        String reaction = wamid();
        String other = wamid();
        String batch = """
                {"object":"whatsapp_business_account","entry":[
                 {"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
                   "metadata":{"display_phone_number":"15550100000","phone_number_id":"100200300"},
                   "contacts":[{"profile":{"name":"Kerry Fisher"},"wa_id":"16315551181"}],
                   "messages":[
                    {"from":"16315551181","id":"%s","timestamp":"1762000000","type":"text","text":{"body":"Hi, the app crashes"},
                     "context":{"from":"15550100000","id":"wamid.earlier"}},
                    {"from":"16315551181","id":"%s","timestamp":"1762000001","type":"image",
                     "image":{"caption":"Screenshot","mime_type":"image/jpeg","sha256":"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=","id":"1003383421387256"}},
                    {"from":"16315551181","id":"%s","timestamp":"1762000002","type":"reaction",
                     "reaction":{"message_id":"wamid.earlier","emoji":"\\uD83D\\uDC4D"}}]}}]},
                 {"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
                   "metadata":{"display_phone_number":"15550100000","phone_number_id":"100200300"},
                   "messages":[
                    {"from":"4915112345678","id":"%s","timestamp":"1762000003","type":"document",
                     "document":{"filename":"invoice-1042.pdf","mime_type":"application/pdf","sha256":"nope","id":"2003383421387256"}},
                    {"from":"4915112345678","id":"%s","timestamp":"1762000004","type":"text","text":{"body":"Hallo"}}]}}]}]}"""
                .formatted(text, image, reaction, document, other);

        signed(batch).statusCode(200).body("published", equalTo(4)).body("ignored", equalTo(1));
        signed(batch).statusCode(200).body("published", equalTo(0)).body("duplicates", equalTo(4));

        JsonNode first = publishedOnce(text);
        assertThat(first.get("channel").asText()).isEqualTo("whatsapp");
        assertThat(first.get("sender").get("address").asText()).isEqualTo("16315551181");
        assertThat(first.get("sender").get("displayName").asText()).isEqualTo("Kerry Fisher");
        assertThat(first.get("inbox").asText()).isEqualTo("15550100000");
        assertThat(first.get("thread").get("conversationId").asText()).isEqualTo("100200300:16315551181");
        assertThat(first.get("providerMetadata").get("replyTo").asText()).isEqualTo("wamid.earlier");
        assertThat(first.get("receivedAt").asText()).isEqualTo("2025-11-01T12:26:40Z");

        JsonNode screenshot = publishedOnce(image);
        assertThat(screenshot.get("text").asText()).isEqualTo("Screenshot");
        JsonNode attachment = screenshot.get("attachments").get(0);
        assertThat(attachment.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(attachment.get("sha256").asText())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(attachment.get("location").asText()).endsWith("/graph/v23.0/1003383421387256");

        JsonNode invoice = publishedOnce(document);
        assertThat(invoice.get("attachments").get(0).get("name").asText()).isEqualTo("invoice-1042.pdf");
        assertThat(invoice.get("attachments").get(0).has("sha256")).isFalse();
        assertThat(invoice.get("sender").has("displayName")).isFalse();
        assertThat(publishedOnce(other).get("text").asText()).isEqualTo("Hallo");
        assertThat(published(reaction)).isEmpty();
    }

    @Test
    void theSignatureCoversTheRawBytesAsSent() {
        String mid = mid();
        // Pretty-printed and with escaped non-ASCII, as Meta sends it: re-serialized JSON would not verify.
        byte[] body = ("{\n  \"object\": \"page\",\n  \"entry\": [{\"id\": \"" + PAGE_ID + "\", \"messaging\": [{"
                + "\"sender\": {\"id\": \"" + psid() + "\"}, \"recipient\": {\"id\": \"" + PAGE_ID + "\"}, "
                + "\"message\": {\"mid\": \"" + mid + "\", \"text\": \"Gr\\u00fc\\u00dfe \\u2014 danke\"}}]}]\n}")
                .getBytes(StandardCharsets.UTF_8);
        String upperCaseHex = "sha256=" + MetaSignature.of(MetaWebhooks.APP_SECRET, body).substring(7).toUpperCase();

        post(body, upperCaseHex).statusCode(200).body("published", equalTo(1));

        assertThat(publishedOnce(mid).get("text").asText()).isEqualTo("Grüße — danke");
    }

    @Test
    void forgedMissingOrTamperedSignaturesAreRefusedAndPublishNothing() {
        String mid = mid();
        byte[] body = messenger(mid, psid(), "Refund me twice").getBytes(StandardCharsets.UTF_8);

        post(body, null).statusCode(403).contentType("application/problem+json")
                .body("type", containsString("invalid-signature"))
                .body("detail", containsString("Missing X-Hub-Signature-256"));
        post(body, MetaSignature.of("a-guessed-secret", body)).statusCode(403)
                .body("type", containsString("invalid-signature"));
        post(body, MetaSignature.of(MetaWebhooks.APP_SECRET, body).substring(7)).statusCode(403);
        byte[] tampered = messenger(mid, psid(), "Refund me three times").getBytes(StandardCharsets.UTF_8);
        post(tampered, MetaSignature.of(MetaWebhooks.APP_SECRET, body)).statusCode(403);
        // Malformed JSON without a valid signature is refused before it is read.
        post("{not json".getBytes(StandardCharsets.UTF_8), "sha256=00").statusCode(403);

        assertThat(published(mid)).isEmpty();
    }

    @Test
    void unknownObjectsEventsAndFieldsAreAcknowledgedAndIgnored() {
        String echo = mid();
        String customer = psid();
        signed("""
                {"object":"page","entry":[{"id":"%s","time":1,"messaging":[
                 {"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1,
                  "message":{"mid":"%s","is_echo":true,"app_id":1517776481860111,"text":"Our own reply"}},
                 {"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1,"read":{"watermark":1458668856253}},
                 {"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1,"postback":{"title":"Start","payload":"GET_STARTED"}},
                 {"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1,"message":{"mid":"%s","sticker_id":369239263222822}}]},
                 {"id":"%s","time":1,"changes":[{"field":"feed","value":{"item":"comment"}}]}]}"""
                .formatted(PAGE_ID, PAGE_ID, customer, echo, customer, PAGE_ID, customer, PAGE_ID, customer, PAGE_ID,
                        mid(), PAGE_ID))
                .statusCode(200).body("published", equalTo(0)).body("ignored", equalTo(5));
        signed("{\"object\":\"ad_account\",\"entry\":[{\"id\":\"1\",\"changes\":[]}]}").statusCode(200)
                .body("ignored", equalTo(1));
        signed(whatsapp(whatsappText(wamid(), "16315551181", "x").replace("\"type\":\"text\"", "\"type\":\"unsupported\""),
                "")).statusCode(200).body("published", equalTo(0)).body("ignored", equalTo(1));
        String withUnknownFields = mid();
        signed(messaging("page", PAGE_ID, """
                {"sender":{"id":"%s","user_ref":"x"},"recipient":{"id":"%s"},"timestamp":1,"brand_new":{"a":1},
                 "message":{"mid":"%s","text":"Still here","nlp":{"entities":{}},"commands":[{"name":"flights"}]}}"""
                .formatted(psid(), PAGE_ID, withUnknownFields))).statusCode(200).body("published", equalTo(1));

        assertThat(published(echo)).isEmpty();
        assertThat(publishedOnce(withUnknownFields).get("text").asText()).isEqualTo("Still here");
    }

    @Test
    void malformedBodiesGet400NamingTheProblem() {
        signed("{\"object\":\"page\",").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body")).body("detail", containsString("malformed JSON"));
        signed("[1,2]").statusCode(400).body("errors.field", hasItem("body"));
        signed("").statusCode(400).body("errors.field", hasItem("body"));
        signed("{\"object\":\"page\",\"entry\":{\"id\":\"1\"}}").statusCode(400).body("errors.field", hasItem("entry"));
        signed(messaging("page", PAGE_ID, "{\"sender\":{\"id\":\"1\"},\"message\":{\"text\":\"no mid\"}}"))
                .statusCode(400).body("errors.field", hasItem("entry[0].messaging[0].message.mid"));
        signed(whatsapp("{\"id\":\"" + wamid() + "\",\"type\":\"text\",\"text\":{\"body\":\"no sender\"}}", ""))
                .statusCode(400).body("errors.field", hasItem("entry[0].changes[0].value.messages[0].from"));
    }
}
