package io.threadline.history;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Typed settings of the customer history service ({@code threadline.history.*}). */
@ConfigMapping(prefix = "threadline.history")
public interface HistoryConfig {

    Timeline timeline();

    Projection projection();

    interface Timeline {

        /** Entries per page when the client gives no {@code limit}. */
        @WithDefault("50")
        int defaultPageSize();

        /** The largest {@code limit} a client may ask for. */
        @WithDefault("200")
        int maxPageSize();
    }

    interface Projection {

        /** Tries per event when MongoDB fails transiently; then the event goes to the dead-letter topic. */
        @WithDefault("3")
        int attempts();

        /** Wait before the second try; each further try waits this much longer. */
        @WithDefault("500ms")
        Duration retryBackoff();
    }
}
