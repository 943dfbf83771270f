package io.threadline.gateway.social;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.ValidatableResponse;
import io.threadline.gateway.social.meta.MetaSignature;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Meta webhook calls as Meta makes them: payloads shaped like its documentation's, signed with the app secret. */
final class MetaWebhooks {

    static final String PATH = "/webhooks/meta";
    /** %test values of application.properties. */
    static final String APP_SECRET = "test-meta-app-secret";
    static final String VERIFY_TOKEN = "test-meta-verify-token";
    static final String PAGE_ID = "104000000000001";
    static final String INSTAGRAM_ID = "17841400000000001";
    static final String PHONE_NUMBER_ID = "100200300";

    private MetaWebhooks() {
    }

    static ValidatableResponse signed(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(bytes, MetaSignature.of(APP_SECRET, bytes));
    }

    static ValidatableResponse post(byte[] body, String signature) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request.header(MetaSignature.HEADER, signature);
        }
        return request.post(PATH).then();
    }

    static String mid() {
        return "m_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String wamid() {
        return "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }

    static String psid() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000_000_000L));
    }

    /** A Messenger text message to our Page, as one entry with one messaging event. */
    static String messenger(String mid, String psid, String text) {
        return messaging("page", PAGE_ID, """
                {"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1762000000123,
                 "message":{"mid":"%s","text":"%s"}}""".formatted(psid, PAGE_ID, mid, text));
    }

    /** One entry of {@code object} with the given messaging events. */
    static String messaging(String object, String accountId, String... events) {
        return """
                {"object":"%s","entry":[{"id":"%s","time":1762000000200,"messaging":[%s]}]}"""
                .formatted(object, accountId, String.join(",", events));
    }

    /** A WhatsApp change with the given messages and statuses arrays' contents. */
    static String whatsapp(String messages, String statuses) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550100000",
                 "phone_number_id":"%s"},%s"messages":[%s],"statuses":[%s]}}]}]}"""
                .formatted(PHONE_NUMBER_ID, "\"contacts\":[{\"profile\":{\"name\":\"Kerry Fisher\"},"
                        + "\"wa_id\":\"16315551181\"}],", messages, statuses);
    }

    static String whatsappText(String wamid, String from, String text) {
        return """
                {"from":"%s","id":"%s","timestamp":"1762000000","type":"text","text":{"body":"%s"}}"""
                .formatted(from, wamid, text);
    }

    static String whatsappStatus(String wamid, String status, String errors) {
        return """
                {"id":"%s","status":"%s","timestamp":"1762000100","recipient_id":"16315551181"%s}"""
                .formatted(wamid, status, errors == null ? "" : ",\"errors\":" + errors);
    }

    /** The one record published with this id. */
    static JsonNode publishedOnce(String providerMessageId) {
        return InboundTopic.only(published(providerMessageId));
    }

    static List<ConsumerRecord<String, String>> published(String providerMessageId) {
        return InboundTopic.recordsOf(providerMessageId);
    }
}
