package io.threadline.gateway.social;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Social channels ({@code threadline.gateway.social.*}): Meta's webhooks and Graph API for Messenger, Instagram and
 * WhatsApp, and Telegram bots. A channel whose settings are absent is closed: its webhook answers 404 and its
 * replies fail naming the missing setting. Secrets come from the environment or a mounted secret.
 */
@ConfigMapping(prefix = "threadline.gateway.social")
public interface SocialConfig {

    Meta meta();

    Messenger messenger();

    Instagram instagram();

    WhatsApp whatsapp();

    Telegram telegram();

    /** The Meta app whose webhooks the gateway receives (one callback URL for all three products). */
    interface Meta {

        /** Signs every webhook (X-Hub-Signature-256); the webhook answers 404 without it. */
        Optional<String> appSecret();

        /** The token typed into the app's webhook settings, checked in the subscription handshake. */
        Optional<String> verifyToken();

        /** The Graph API's root; tests and proxies point it elsewhere. */
        @WithDefault("https://graph.facebook.com")
        String graphBaseUrl();

        @WithDefault("v23.0")
        String graphVersion();

        @WithDefault("15S")
        Duration timeout();
    }

    interface Messenger {

        /** The Facebook Page's access token; replies go to {@code /me/messages} with it. */
        Optional<String> pageAccessToken();
    }

    interface Instagram {

        /** The access token of the Page linked to the Instagram professional account. */
        Optional<String> accessToken();
    }

    interface WhatsApp {

        /** A system user's token with whatsapp_business_messaging. */
        Optional<String> accessToken();

        /** The number replies leave from when the reply does not name the number the customer wrote to. */
        Optional<String> phoneNumberId();
    }

    interface Telegram {

        /** The Bot API's root. */
        @WithDefault("https://api.telegram.org")
        String baseUrl();

        @WithDefault("15S")
        Duration timeout();

        /** Bots by a name of your choice; the name is the last segment of the webhook URL. */
        Map<String, Bot> bots();

        interface Bot {

            /** The token BotFather gave ({@code 123456789:AA...}); the part before the colon is the bot's id. */
            String token();

            /** The secret_token given to setWebhook; Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
            String secretToken();
        }
    }
}
