package io.threadline.gateway.social;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.outbound.ChannelSender;
import io.threadline.gateway.outbound.DeliveryFailure;
import io.threadline.gateway.social.meta.GraphApi;
import io.threadline.gateway.social.meta.InstagramSender;
import io.threadline.gateway.social.meta.MessengerSender;
import io.threadline.gateway.social.meta.MetaEvents;
import io.threadline.gateway.social.meta.MetaWebhookResource;
import io.threadline.gateway.social.meta.PageMessages;
import io.threadline.gateway.social.meta.WhatsAppSender;
import io.threadline.gateway.social.telegram.TelegramBots;
import io.threadline.gateway.social.telegram.TelegramSender;
import io.threadline.gateway.social.telegram.TelegramWebhookResource;
import io.threadline.servicekit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Without their settings the social webhooks are closed (404) and replies fail naming what is missing. */
class SocialNotConfiguredTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The mapping's defaults only (Quarkus's "15S" durations): no secrets, tokens or bots. */
    private static final SocialConfig NONE = new SmallRyeConfigBuilder().withMapping(SocialConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter()).build()
            .unwrap(SmallRyeConfig.class).getConfigMapping(SocialConfig.class);

    @Test
    void theMetaWebhookAnswers404NamingTheMissingSetting() {
        MetaWebhookResource webhook = new MetaWebhookResource(NONE, new MetaEvents(NONE), null, JSON);

        ProblemException handshake = catchThrowableOfType(ProblemException.class,
                () -> webhook.verify("subscribe", "any", "1"));
        ProblemException events = catchThrowableOfType(ProblemException.class,
                () -> webhook.receive("{}".getBytes(StandardCharsets.UTF_8), "sha256=00"));

        assertThat(handshake.status()).isEqualTo(404);
        assertThat(handshake.getMessage()).contains("threadline.gateway.social.meta.verify-token");
        assertThat(events.status()).isEqualTo(404);
        assertThat(events.getMessage()).contains("threadline.gateway.social.meta.app-secret");
    }

    @Test
    void aTelegramWebhookOfNoConfiguredBotAnswers404() {
        TelegramWebhookResource webhook = new TelegramWebhookResource(new TelegramBots(NONE), null, JSON);

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> webhook.receive("support", "secret", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.getMessage()).contains("threadline.gateway.social.telegram.bots.support.token");
    }

    @Test
    void repliesFailPermanentlyNamingTheSettings() {
        JsonApi api = new JsonApi(JSON);
        GraphApi graph = new GraphApi(NONE, api);

        PageMessages pageMessages = new PageMessages(graph, null, JSON);
        assertNotConfigured(new MessengerSender(NONE, pageMessages), "messenger",
                "Messenger is not configured (threadline.gateway.social.messenger.page-access-token)");
        assertNotConfigured(new InstagramSender(NONE, pageMessages), "instagram",
                "Instagram is not configured (threadline.gateway.social.instagram.access-token)");
        assertNotConfigured(new WhatsAppSender(NONE, graph, null, JSON), "whatsapp",
                "WhatsApp is not configured (threadline.gateway.social.whatsapp.access-token)");
        assertNotConfigured(new TelegramSender(NONE, new TelegramBots(NONE), api, JSON), "telegram",
                "Telegram is not configured (threadline.gateway.social.telegram.bots.<name>.token)");
    }

    private static void assertNotConfigured(ChannelSender sender, String channel, String reason) {
        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> sender.send(new OutboundMessage(
                "o-1", "t-1", "c-1", channel, "12345", null, null, "Hi", null, Instant.now())));
        assertThat(sender.channel()).isEqualTo(channel);
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.getMessage()).isEqualTo(reason);
    }
}
