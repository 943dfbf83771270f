package io.threadline.gateway.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How outbound delivery retries ({@code threadline.gateway.outbound.*}). */
@ConfigMapping(prefix = "threadline.gateway.outbound")
public interface OutboundConfig {

    /** Attempts per message before a transient failure is reported as FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** Pause before the second attempt; doubles after each further one. */
    @WithDefault("1S")
    Duration initialBackoff();

    @WithDefault("30S")
    Duration maxBackoff();
}
