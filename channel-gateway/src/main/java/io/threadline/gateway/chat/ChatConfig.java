package io.threadline.gateway.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Web chat settings ({@code threadline.gateway.chat.*}): the sites that embed the widget, limits, history replay. */
@ConfigMapping(prefix = "threadline.gateway.chat")
public interface ChatConfig {

    /** The sites embedding the widget, by a name of your choice: {@code threadline.gateway.chat.sites.<name>.*}. */
    Map<String, Site> sites();

    /** The longest message text a visitor may send, in characters. */
    @WithDefault("4000")
    int maxTextLength();

    /** Messages one socket may send per minute, sustained; more get a {@code rate-limited} error frame. */
    @WithDefault("30")
    int messagesPerMinute();

    /** Messages one socket may send at once above the sustained rate. */
    @WithDefault("10")
    int messageBurst();

    History history();

    /** One site (a web property of yours) that embeds the widget. */
    interface Site {

        /** Off refuses every visitor of the site (e.g. the DEV-ONLY demo site in production). */
        @WithDefault("true")
        boolean enabled();

        /** The HMAC-SHA256 key the site signs visitor tokens with (at least 32 bytes); none: anonymous only. */
        Optional<String> secret();

        /** Whether visitors without a token may chat (as {@code visitor-<id>}). */
        @WithDefault("true")
        boolean anonymous();

        /** Origins (scheme://host[:port]) whose pages may open the socket; any when absent. */
        Optional<List<String>> allowedOrigins();
    }

    /** Replaying the customer's conversation from customer-history-service when a visitor connects. */
    interface History {

        /** A bearer token with role {@code service} for customer-history-service; none: no replay. */
        Optional<String> token();

        /** The newest messages replayed on connect. */
        @WithDefault("100")
        int maxMessages();

        /** Messages per page read from the history. */
        @WithDefault("200")
        int pageSize();

        /**
         * Pages read at most. The replay reads from the newest message back and stops at max-messages, so this only
         * bounds a connect against a history that keeps answering with short pages.
         */
        @WithDefault("20")
        int maxPages();
    }
}
