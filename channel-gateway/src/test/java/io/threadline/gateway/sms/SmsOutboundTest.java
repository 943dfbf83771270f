package io.threadline.gateway.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.testing.GreenMailResource;
import io.threadline.gateway.testing.TwilioApiResource;
import io.threadline.testsupport.InfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.threadline.gateway.sms.SmsWebhookTest.number;
import static io.threadline.gateway.sms.SmsWebhookTest.sid;
import static io.threadline.gateway.sms.TwilioWebhooks.ACCOUNT;
import static io.threadline.gateway.sms.TwilioWebhooks.INBOUND;
import static io.threadline.gateway.sms.TwilioWebhooks.STATUS;
import static io.threadline.gateway.sms.TwilioWebhooks.post;
import static io.threadline.gateway.sms.TwilioWebhooks.signed;
import static io.threadline.gateway.sms.TwilioWebhooks.sms;
import static io.threadline.gateway.testing.DeliveryTopics.publish;
import static io.threadline.gateway.testing.DeliveryTopics.receiptsOf;
import static org.assertj.core.api.Assertions.assertThat;

/** SMS replies through Twilio's Messages API (WireMock), status callbacks to receipts, STOP and START. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(value = TwilioApiResource.class, restrictToAnnotatedClass = true)
class SmsOutboundTest {

    private static final ObjectMapper JSON = ContractJson.newMapper();
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

    WireMockServer twilio;

    @Test
    void aReplyIsSentThroughTheMessagesApiAndItsStatusCallbacksBecomeReceipts() throws Exception {
        String to = number();
        String twilioSid = sid();
        stubFor(to, 201, "{\"sid\":\"" + twilioSid + "\",\"status\":\"queued\"}");
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, to));

        JsonNode sent = receiptsOf(outboundId, 1).get(0);
        assertThat(sent.get("status").asText()).isEqualTo("SENT");
        assertThat(sent.get("providerMessageId").asText()).isEqualTo(twilioSid);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Basic " + java.util.Base64.getEncoder()
                        .encodeToString((ACCOUNT + ":test-twilio-auth-token").getBytes())))
                .withFormParam("To", equalTo(to))
                .withFormParam("From", equalTo("+15550100000"))
                .withFormParam("Body", equalTo("Your parcel left our warehouse today."))
                .withFormParam("StatusCallback", equalTo("https://sms.acme.test/edge/webhooks/sms/twilio/status")));

        signed(STATUS, status(twilioSid, "queued", null)).statusCode(204);
        signed(STATUS, status(twilioSid, "delivered", null)).statusCode(204);
        List<JsonNode> receipts = receiptsOf(outboundId, 2);
        assertThat(receipts).extracting(r -> r.get("status").asText()).containsExactly("SENT", "DELIVERED");
        assertThat(receipts.get(1).get("providerMessageId").asText()).isEqualTo(twilioSid);
    }

    @Test
    void anUndeliveredMessageBecomesAFailedReceiptWithTheErrorCode() throws Exception {
        String to = number();
        String twilioSid = sid();
        stubFor(to, 201, "{\"sid\":\"" + twilioSid + "\"}");
        String outboundId = "o-" + UUID.randomUUID();
        publish(reply(outboundId, to));
        receiptsOf(outboundId, 1);

        post(STATUS, status(twilioSid, "undelivered", "30003"), "forged").statusCode(403);
        signed(STATUS, status(twilioSid, "undelivered", "30003")).statusCode(204);

        JsonNode failed = receiptsOf(outboundId, 2).get(1);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).isEqualTo("SMS undelivered (Twilio error 30003)");
    }

    @Test
    void aStatusForAMessageThatIsNotOursChangesNothing() {
        signed(STATUS, status(sid(), "delivered", null)).statusCode(204);
        Map<String, String> noStatus = status(sid(), "delivered", null);
        noStatus.remove("MessageStatus");
        signed(STATUS, noStatus).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRejectedNumberFailsAtOnceWithTwilioSMessage() throws Exception {
        String to = number();
        stubFor(to, 400, "{\"code\":21211,\"message\":\"The 'To' number " + to + " is not a valid phone number.\","
                + "\"status\":400}");
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, to));

        JsonNode failed = receiptsOf(outboundId, 1).get(0);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText())
                .isEqualTo("Twilio 400 (error 21211): The 'To' number " + to + " is not a valid phone number.");
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to)));
    }

    @Test
    void aServerErrorIsRetried() throws Exception {
        String to = number();
        String twilioSid = sid();
        String scenario = "outage " + to;
        twilio.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(MESSAGES))
                .withFormParam("To", equalTo(to)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"message\":\"Service unavailable\"}"))
                .willSetStateTo("recovered"));
        twilio.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(MESSAGES))
                .withFormParam("To", equalTo(to)).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(json(201, "{\"sid\":\"" + twilioSid + "\"}")));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, to));

        JsonNode sent = receiptsOf(outboundId, 1).get(0);
        assertThat(sent.get("status").asText()).isEqualTo("SENT");
        assertThat(sent.get("providerMessageId").asText()).isEqualTo(twilioSid);
        twilio.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to)));
    }

    @Test
    void aNumberThatTextedStopGetsNoRepliesUntilItTextsStart() throws Exception {
        String customer = number();
        String stopSid = sid();
        stubFor(customer, 201, "{\"sid\":\"" + sid() + "\"}");

        signed(INBOUND, sms(stopSid, customer, " stop ")).statusCode(200);
        String refused = "o-" + UUID.randomUUID();
        publish(reply(refused, customer));

        JsonNode failed = receiptsOf(refused, 1).get(0);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).contains("recipient opted out");
        twilio.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(customer)));
        // Agents still see the STOP on the ticket.
        JsonNode stop = JSON.readTree(SmsWebhookTest.publishedOnce(stopSid).value());
        assertThat(stop.get("providerMetadata").get("optOut").asText()).isEqualTo("STOP");

        signed(INBOUND, sms(sid(), customer, "START")).statusCode(200);
        String allowed = "o-" + UUID.randomUUID();
        publish(reply(allowed, customer));
        assertThat(receiptsOf(allowed, 1).get(0).get("status").asText()).isEqualTo("SENT");
    }

    private void stubFor(String to, int status, String body) {
        twilio.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(MESSAGES))
                .withFormParam("To", equalTo(to)).willReturn(json(status, body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static Map<String, String> status(String sid, String status, String errorCode) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT);
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("MessageStatus", status);
        params.put("SmsStatus", status);
        params.put("To", "+15550100001");
        params.put("From", "+15550100000");
        params.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            params.put("ErrorCode", errorCode);
        }
        return params;
    }

    private static OutboundMessage reply(String outboundId, String to) {
        return new OutboundMessage(outboundId, "t-" + outboundId, "TL-2001", "c-1", "sms", to, null, null,
                "Your parcel left our warehouse today.", null, Instant.now());
    }

}
