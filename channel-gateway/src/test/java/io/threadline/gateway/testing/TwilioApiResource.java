package io.threadline.gateway.testing;

import java.util.Map;

/**
 * A WireMock server standing in for Twilio's REST API; tests stub its answers per recipient number. Declare it with
 * {@code restrictToAnnotatedClass = true}: while it runs in the test JVM, the email webhook's oversized upload ends
 * in a broken pipe instead of its 413 answer.
 */
public class TwilioApiResource extends WireMockResource {

    @Override
    protected Map<String, String> pointAt(String baseUrl) {
        return Map.of("threadline.gateway.sms.twilio.base-url", baseUrl);
    }
}
