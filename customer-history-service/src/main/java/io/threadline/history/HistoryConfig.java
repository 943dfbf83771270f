package io.threadline.history;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Typed settings of the customer history service ({@code threadline.history.*}). */
@ConfigMapping(prefix = "threadline.history")
public interface HistoryConfig {

    Timeline timeline();

    Conversation conversation();

    Rebuild rebuild();

    interface Timeline {

        /** Entries per page when the client gives no {@code limit}. */
        @WithDefault("50")
        int defaultPageSize();

        /** The largest {@code limit} a client may ask for. */
        @WithDefault("200")
        int maxPageSize();
    }

    interface Conversation {

        /** The author the customer-facing conversation shows for replies, instead of the agent's name. */
        @WithDefault("Support")
        String replyAuthor();
    }

    interface Rebuild {

        /** A bearer token (role admin) for ticket-service's replay source; configure it from a secret. */
        Optional<String> token();

        /** Events per request to the replay source. */
        @WithDefault("1000")
        int pageSize();

        /**
         * Events projected together: bigger batches touch each customer's documents fewer times, but a batch (and the
         * pages read ahead of it) lives through young collections, which copy it.
         */
        @WithDefault("5000")
        int batchSize();

        /** How long the replaced copy stays before it is dropped, for consumers that still write to it. */
        @WithDefault("30s")
        Duration dropReplacedAfter();
    }
}
