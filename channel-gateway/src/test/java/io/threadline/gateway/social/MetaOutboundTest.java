package io.threadline.gateway.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.testing.GreenMailResource;
import io.threadline.gateway.testing.SocialApiResource;
import io.threadline.testsupport.InfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.threadline.gateway.social.MetaWebhooks.INSTAGRAM_ID;
import static io.threadline.gateway.social.MetaWebhooks.PAGE_ID;
import static io.threadline.gateway.social.MetaWebhooks.PHONE_NUMBER_ID;
import static io.threadline.gateway.social.MetaWebhooks.messaging;
import static io.threadline.gateway.social.MetaWebhooks.mid;
import static io.threadline.gateway.social.MetaWebhooks.psid;
import static io.threadline.gateway.social.MetaWebhooks.signed;
import static io.threadline.gateway.social.MetaWebhooks.wamid;
import static io.threadline.gateway.social.MetaWebhooks.whatsapp;
import static io.threadline.gateway.social.MetaWebhooks.whatsappStatus;
import static io.threadline.gateway.social.ProviderStubs.answersInTurn;
import static io.threadline.gateway.social.ProviderStubs.json;
import static io.threadline.gateway.testing.DeliveryTopics.publish;
import static io.threadline.gateway.testing.DeliveryTopics.receiptsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Replies on Messenger, Instagram and WhatsApp through the Graph API (WireMock), and status webhooks of those
 * replies turned into receipts.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(value = SocialApiResource.class, restrictToAnnotatedClass = true)
class MetaOutboundTest {

    private static final String SEND_API = "/graph/v23.0/me/messages";
    private static final String WHATSAPP_API = "/graph/v23.0/" + PHONE_NUMBER_ID + "/messages";

    WireMockServer graph;

    @Test
    void aMessengerReplyIsSentWithThePageTokenAndItsDeliveryBecomesAReceipt() throws Exception {
        String customer = psid();
        String sentMid = mid();
        graph.stubFor(toMessenger(customer).willReturn(json(200,
                "{\"recipient_id\":\"" + customer + "\",\"message_id\":\"" + sentMid + "\"}")));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "messenger", customer, PAGE_ID + ":" + customer));

        JsonNode sent = receiptsOf(outboundId, 1).get(0);
        assertThat(sent.get("status").asText()).isEqualTo("SENT");
        assertThat(sent.get("providerMessageId").asText()).isEqualTo(sentMid);
        graph.verify(1, postRequestedFor(urlPathEqualTo(SEND_API))
                .withHeader("Authorization", equalTo("Bearer test-messenger-page-token"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(customer)))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("RESPONSE")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo("We have sent a new parcel."))));

        signed(messaging("page", PAGE_ID, """
                {"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1762000000999,
                 "delivery":{"mids":["%s"],"watermark":1762000000999}}""".formatted(customer, PAGE_ID, sentMid)))
                .statusCode(200).body("receipts", equalTo(1));
        List<JsonNode> receipts = receiptsOf(outboundId, 2);
        assertThat(receipts).extracting(r -> r.get("status").asText()).containsExactly("SENT", "DELIVERED");
        assertThat(receipts.get(1).get("providerMessageId").asText()).isEqualTo(sentMid);
    }

    @Test
    void aMessengerErrorFailsAtOnceWithMetaSMessage() throws Exception {
        String customer = psid();
        graph.stubFor(toMessenger(customer).willReturn(json(400, """
                {"error":{"message":"(#551) This person isn't available right now.","type":"OAuthException",
                 "code":551,"error_subcode":1545041,"fbtrace_id":"A1b2C3"}}""")));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "messenger", customer, null));

        JsonNode failed = receiptsOf(outboundId, 1).get(0);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText())
                .isEqualTo("Messenger 400 (error 551/1545041): (#551) This person isn't available right now.");
        graph.verify(1, postRequestedFor(urlPathEqualTo(SEND_API))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(customer))));
    }

    @Test
    void aRateLimitedMessengerReplyIsRetried() throws Exception {
        String customer = psid();
        String sentMid = mid();
        answersInTurn(graph, () -> toMessenger(customer),
                json(429, "{\"error\":{\"message\":\"Calls to this api have exceeded the rate limit.\",\"code\":613}}"),
                json(200, "{\"message_id\":\"" + sentMid + "\"}"));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "messenger", customer, null));

        assertThat(receiptsOf(outboundId, 1).get(0).get("providerMessageId").asText()).isEqualTo(sentMid);
        graph.verify(2, postRequestedFor(urlPathEqualTo(SEND_API))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(customer))));
    }

    @Test
    void aTimedOutCallIsRetried() throws Exception {
        String customer = psid();
        String sentMid = mid();
        // The test profile waits 1 s for an answer.
        answersInTurn(graph, () -> toMessenger(customer),
                json(200, "{\"message_id\":\"m_too_late\"}").withFixedDelay(2500),
                json(200, "{\"message_id\":\"" + sentMid + "\"}"));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "messenger", customer, null));

        JsonNode sent = receiptsOf(outboundId, 1).get(0);
        assertThat(sent.get("status").asText()).isEqualTo("SENT");
        assertThat(sent.get("providerMessageId").asText()).isEqualTo(sentMid);
    }

    @Test
    void anInstagramReplyIsSentThroughTheSendApiWithItsOwnToken() throws Exception {
        String customer = psid();
        String sentMid = "aWdfZAG1f" + mid();
        graph.stubFor(toMessenger(customer).willReturn(json(200, "{\"recipient_id\":\"" + customer
                + "\",\"message_id\":\"" + sentMid + "\"}")));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "instagram", customer, INSTAGRAM_ID + ":" + customer));

        assertThat(receiptsOf(outboundId, 1).get(0).get("providerMessageId").asText()).isEqualTo(sentMid);
        graph.verify(1, postRequestedFor(urlPathEqualTo(SEND_API))
                .withHeader("Authorization", equalTo("Bearer test-instagram-token"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(customer))));
    }

    @Test
    void aWhatsAppReplyLeavesFromTheConversationSNumberAndItsStatusesBecomeReceipts() throws Exception {
        String customer = waId();
        String sent = wamid();
        String otherNumber = "900800700";
        graph.stubFor(post(urlPathEqualTo("/graph/v23.0/" + otherNumber + "/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(customer))).willReturn(json(200, """
                        {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],
                         "messages":[{"id":"%s"}]}""".formatted(customer, customer, sent))));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "whatsapp", customer, otherNumber + ":" + customer));

        assertThat(receiptsOf(outboundId, 1).get(0).get("providerMessageId").asText()).isEqualTo(sent);
        graph.verify(1, postRequestedFor(urlPathEqualTo("/graph/v23.0/" + otherNumber + "/messages"))
                .withHeader("Authorization", equalTo("Bearer test-whatsapp-token"))
                .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo("We have sent a new parcel."))));

        signed(whatsapp("", String.join(",", whatsappStatus(sent, "sent", null),
                whatsappStatus(sent, "delivered", null), whatsappStatus(wamid(), "delivered", null))))
                .statusCode(200).body("receipts", equalTo(2)).body("ignored", equalTo(1));
        signed(whatsapp("", whatsappStatus(sent, "failed", """
                [{"code":131026,"title":"Message undeliverable","message":"Message undeliverable",
                  "error_data":{"details":"Recipient is not a valid WhatsApp user"}}]"""))).statusCode(200);

        List<JsonNode> receipts = receiptsOf(outboundId, 4);
        assertThat(receipts).extracting(r -> r.get("status").asText())
                .containsExactly("SENT", "SENT", "DELIVERED", "FAILED");
        assertThat(receipts.get(3).get("error").asText()).isEqualTo(
                "WhatsApp failed (error 131026): Message undeliverable: Recipient is not a valid WhatsApp user");
    }

    @Test
    void aWhatsAppReplyOutsideTheServiceWindowFailsWithMetaSMessage() throws Exception {
        String customer = waId();
        graph.stubFor(toWhatsApp(customer).willReturn(json(400, """
                {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
                 "error_data":{"messaging_product":"whatsapp","details":"More than 24 hours have passed"},
                 "fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}""")));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "whatsapp", customer, null));

        JsonNode failed = receiptsOf(outboundId, 1).get(0);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).isEqualTo("WhatsApp 400 (error 131047): (#131047) Re-engagement message");
        graph.verify(1, postRequestedFor(urlPathEqualTo(WHATSAPP_API))
                .withRequestBody(matchingJsonPath("$.to", equalTo(customer))));
    }

    @Test
    void aWhatsAppThroughputLimitIsRetriedThoughMetaAnswers400() throws Exception {
        String customer = waId();
        String sent = wamid();
        answersInTurn(graph, () -> toWhatsApp(customer),
                json(400, "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"code\":130429}}"),
                json(429, "{\"error\":{\"message\":\"Too many calls\",\"code\":80007}}"),
                json(200, "{\"messages\":[{\"id\":\"" + sent + "\"}]}"));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "whatsapp", customer, null));

        JsonNode receipt = receiptsOf(outboundId, 1).get(0);
        assertThat(receipt.get("status").asText()).isEqualTo("SENT");
        assertThat(receipt.get("providerMessageId").asText()).isEqualTo(sent);
        graph.verify(3, postRequestedFor(urlPathEqualTo(WHATSAPP_API))
                .withRequestBody(matchingJsonPath("$.to", equalTo(customer))));
    }

    private static MappingBuilder toMessenger(String recipient) {
        return post(urlPathEqualTo(SEND_API)).withRequestBody(matchingJsonPath("$.recipient.id", equalTo(recipient)));
    }

    private static MappingBuilder toWhatsApp(String recipient) {
        return post(urlPathEqualTo(WHATSAPP_API)).withRequestBody(matchingJsonPath("$.to", equalTo(recipient)));
    }

    private static String waId() {
        return "1555" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000L);
    }

    static OutboundMessage reply(String outboundId, String channel, String recipient, String conversationId) {
        return new OutboundMessage(outboundId, "t-" + outboundId, "TL-3001", "c-1", channel, recipient,
                conversationId == null ? null : new ThreadReferences(null, null, List.of(), null, conversationId),
                null, "We have sent a new parcel.", null, Instant.now());
    }
}
