package io.threadline.gateway.sms;

import io.restassured.response.ValidatableResponse;
import io.threadline.gateway.sms.twilio.TwilioSignature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Posts Twilio-style webhooks signed the way Twilio signs them, over the public URL the test profile configures. */
final class TwilioWebhooks {

    static final String AUTH_TOKEN = "test-twilio-auth-token";
    static final String ACCOUNT = "ACtest0000000000000000000000000000";
    /** %test public-base-url: the URL Twilio would call, in front of a proxy that strips "/edge". */
    static final String PUBLIC_BASE_URL = "https://sms.acme.test/edge";
    static final String INBOUND = "/webhooks/sms/twilio";
    static final String STATUS = "/webhooks/sms/twilio/status";

    private TwilioWebhooks() {
    }

    static ValidatableResponse signed(String path, Map<String, String> params) {
        return post(path, params, signature(PUBLIC_BASE_URL + path, params, AUTH_TOKEN));
    }

    static ValidatableResponse post(String path, Map<String, String> params, String signature) {
        var request = given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(params);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return request.post(path).then();
    }

    static String signature(String url, Map<String, String> params, String authToken) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return TwilioSignature.of(authToken, url, multi);
    }

    /** An incoming SMS as Twilio posts it, including fields the gateway does not use. */
    static Map<String, String> sms(String sid, String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "0");
        params.put("FromCity", "SPRINGFIELD");
        params.put("SmsSid", sid);
        params.put("SmsStatus", "received");
        params.put("Body", body);
        params.put("FromCountry", "US");
        params.put("To", "+15550100000");
        params.put("NumSegments", "1");
        params.put("MessageSid", sid);
        params.put("AccountSid", ACCOUNT);
        params.put("From", from);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }
}
