package io.threadline.gateway.social;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.threadline.localstack.launcher.StackPorts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.threadline.gateway.social.MetaWebhooks.messenger;
import static io.threadline.gateway.social.MetaWebhooks.mid;
import static io.threadline.gateway.social.MetaWebhooks.psid;
import static io.threadline.gateway.social.TelegramWebhooks.chatId;
import static io.threadline.gateway.social.TelegramWebhooks.text;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** While Kafka cannot be reached, social webhooks answer 503 with Retry-After, so the provider sends them again. */
@QuarkusTest
@TestProfile(SocialKafkaDownTest.NoBroker.class)
class SocialKafkaDownTest {

    /** Kafka and MongoDB at ports where nothing listens; a short wait for Kafka's acknowledgement. */
    public static class NoBroker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "localhost:" + StackPorts.freePort(),
                    "quarkus.mongodb.connection-string", "mongodb://localhost:" + StackPorts.freePort(),
                    "threadline.gateway.publish-timeout", "2S",
                    "threadline.gateway.retry-after", "7S");
        }
    }

    @Test
    void aMetaBatchGets503WithRetryAfter() {
        MetaWebhooks.signed(messenger(mid(), psid(), "Is anyone there?")).statusCode(503)
                .header("Retry-After", equalTo("7")).contentType("application/problem+json")
                .body("type", containsString("unavailable"));
    }

    @Test
    void aTelegramUpdateGets503WithRetryAfter() {
        TelegramWebhooks.signed(text(chatId(), 1, "Is anyone there?")).statusCode(503)
                .header("Retry-After", equalTo("7")).body("type", containsString("unavailable"));
    }
}
