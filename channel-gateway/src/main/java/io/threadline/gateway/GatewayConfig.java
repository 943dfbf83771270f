package io.threadline.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Typed settings of the gateway ({@code threadline.gateway.*}). */
@ConfigMapping(prefix = "threadline.gateway")
public interface GatewayConfig {

    /** How long to wait for Kafka's acknowledgement before answering 503. */
    Duration publishTimeout();

    /** The Retry-After a provider is told when Kafka is unavailable. */
    Duration retryAfter();

    /** The largest body the integrator API takes; larger ones get 413 before they are read. */
    long maxMessageBytes();

    Dedup dedup();

    /** Who may use the integrator API, by a name of your choice: {@code threadline.gateway.integrators.<name>.*}. */
    Map<String, Integrator> integrators();

    /**
     * How provider retries are recognised: every replica keeps the receipts of recently published messages in
     * memory, fed by its own publishing and by reading the receipts' headers back from {@code channel.inbound}.
     */
    interface Dedup {

        /** Receipts each replica keeps in memory; also how many records it reads back at startup. */
        @WithDefault("200000")
        int cacheSize();

        /** How long a receipt stays in memory. */
        @WithDefault("24H")
        Duration cacheTtl();
    }

    /** One integrator: the hash of its API key, where it may write, and how fast. */
    interface Integrator {

        /** Off keeps the entry but refuses its key (e.g. the DEV-ONLY key in production). */
        @WithDefault("true")
        boolean enabled();

        /** Lowercase hex SHA-256 of the API key; the key itself is never stored. */
        String keySha256();

        /** Channels this key may publish to; all when absent. */
        Optional<Set<String>> channels();

        /** Sustained requests per second this key may make, per replica. */
        @WithDefault("100")
        long ratePerSecond();

        /** Requests a key may make at once above the sustained rate. */
        @WithDefault("200")
        long burst();
    }
}
