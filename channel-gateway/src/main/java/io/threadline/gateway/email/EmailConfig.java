package io.threadline.gateway.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Email settings ({@code threadline.gateway.email.*}). */
@ConfigMapping(prefix = "threadline.gateway.email")
public interface EmailConfig {

    /** The domain of the Message-IDs the gateway writes: {@code <outboundId@domain>}. */
    @WithDefault("threadline.local")
    String messageIdDomain();

    /** The shared secret an inbound-parse webhook presents (HTTP Basic password); the webhook is closed without. */
    Optional<String> webhookSecret();

    Smtp smtp();

    /** Mailboxes to poll, by a name of your choice: {@code threadline.gateway.email.imap.<name>.*}. */
    Map<String, Mailbox> imap();

    /** Where replies are sent. */
    interface Smtp {

        @WithDefault("localhost")
        String host();

        @WithDefault("25")
        int port();

        Optional<String> username();

        Optional<String> password();

        /** Implicit TLS (SMTPS, usually port 465). */
        @WithDefault("false")
        boolean ssl();

        /** Upgrade with STARTTLS (usually port 587); required when true. */
        @WithDefault("false")
        boolean starttls();

        /** The From of replies. */
        @WithDefault("support@threadline.local")
        String from();

        Optional<String> fromName();

        @WithDefault("20S")
        Duration timeout();
    }

    /** One IMAP mailbox whose new messages become inbound messages. */
    interface Mailbox {

        @WithDefault("true")
        boolean enabled();

        String host();

        @WithDefault("993")
        int port();

        /** Implicit TLS (IMAPS). */
        @WithDefault("true")
        boolean ssl();

        String username();

        String password();

        @WithDefault("INBOX")
        String folder();

        /** The support address this mailbox receives for; becomes the message's inbox. */
        Optional<String> address();

        /** Pause between polls when the server has no IDLE, and the longest an IDLE lasts before a re-check. */
        @WithDefault("30S")
        Duration pollInterval();

        @WithDefault("20S")
        Duration timeout();
    }
}
