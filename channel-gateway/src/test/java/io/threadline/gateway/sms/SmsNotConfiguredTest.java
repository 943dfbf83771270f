package io.threadline.gateway.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.outbound.DeliveryFailure;
import io.threadline.gateway.sms.twilio.TwilioSender;
import io.threadline.gateway.sms.twilio.TwilioWebhookResource;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Without a Twilio account the webhooks are closed with a clear problem and replies fail with a clear reason. */
class SmsNotConfiguredTest {

    private static final SmsConfig NONE = () -> new SmsConfig.Twilio() {
        @Override
        public Optional<String> accountSid() {
            return Optional.empty();
        }

        @Override
        public Optional<String> authToken() {
            return Optional.empty();
        }

        @Override
        public Optional<String> fromNumber() {
            return Optional.empty();
        }

        @Override
        public String baseUrl() {
            return "https://api.twilio.com";
        }

        @Override
        public Optional<String> publicBaseUrl() {
            return Optional.empty();
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(1);
        }
    };

    @Test
    void theWebhooksAnswer404NamingTheMissingSetting() {
        TwilioWebhookResource webhooks = new TwilioWebhookResource(NONE, null, null);
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("MessageSid", "SM1");

        ProblemException incoming = catchThrowableOfType(ProblemException.class,
                () -> webhooks.incoming(form, "any", null));
        ProblemException status = catchThrowableOfType(ProblemException.class, () -> webhooks.status(form, "any", null));

        assertThat(incoming.status()).isEqualTo(404);
        assertThat(incoming.getMessage()).contains("threadline.gateway.sms.twilio.auth-token");
        assertThat(status.status()).isEqualTo(404);
    }

    @Test
    void aReplyFailsPermanentlyNamingTheSettings() {
        TwilioSender sender = new TwilioSender(NONE, null, null, new ObjectMapper());

        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> sender.send(new OutboundMessage(
                "o-1", "t-1", "c-1", "sms", "+15551234567", null, null, "Hi", null, Instant.now())));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.getMessage()).contains("SMS is not configured").contains("account-sid");
    }
}
