package io.threadline.gateway.sms;

import io.threadline.gateway.sms.twilio.TwilioSignature;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature algorithm against the example Twilio publishes with its request validators. */
class TwilioSignatureTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMS = Map.of(
            "CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+14158675310"),
            "Digits", List.of("1234"),
            "From", List.of("+14158675310"),
            "To", List.of("+18005551212"));

    @Test
    void matchesTwilioSPublishedExample() {
        assertThat(TwilioSignature.of("12345", URL, PARAMS)).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
        assertThat(TwilioSignature.matches("GvWf1cFY/Q7PnoempGyD5oXAezc=", "12345", URL, PARAMS)).isTrue();
    }

    @Test
    void anotherUrlTokenOrValueDoesNotMatch() {
        String genuine = "GvWf1cFY/Q7PnoempGyD5oXAezc=";
        assertThat(TwilioSignature.matches(genuine, "12345", "https://mycompany.com/myapp.php", PARAMS)).isFalse();
        assertThat(TwilioSignature.matches(genuine, "54321", URL, PARAMS)).isFalse();
        assertThat(TwilioSignature.matches(genuine, "12345", URL, Map.of("CallSid", List.of("CA1234567890ABCDE"))))
                .isFalse();
        assertThat(TwilioSignature.matches(null, "12345", URL, PARAMS)).isFalse();
    }
}
