package io.threadline.gateway.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** SMS settings ({@code threadline.gateway.sms.*}). */
@ConfigMapping(prefix = "threadline.gateway.sms")
public interface SmsConfig {

    Twilio twilio();

    /** A Twilio account, or any provider speaking Twilio's Messages API and webhook signatures. */
    interface Twilio {

        /** The account (AC...); outbound is refused without it. */
        Optional<String> accountSid();

        /** Signs the webhooks and authenticates the REST calls; the webhooks are closed without it. */
        Optional<String> authToken();

        /** The number (E.164) or messaging sender replies leave from. */
        Optional<String> fromNumber();

        /** The REST API's root, e.g. a regional edge or a compatible provider. */
        @WithDefault("https://api.twilio.com")
        String baseUrl();

        /**
         * The gateway's URL as the provider calls it (scheme, host and any path prefix a proxy strips), e.g.
         * {@code https://gateway.example.com}. Signatures are computed over this plus the request's path and
         * query, so TLS termination and rewriting proxies do not break them. Also where status callbacks are
         * requested; without it the request's own URL is used and no status callbacks are asked for.
         */
        Optional<String> publicBaseUrl();

        @WithDefault("15S")
        Duration timeout();
    }
}
