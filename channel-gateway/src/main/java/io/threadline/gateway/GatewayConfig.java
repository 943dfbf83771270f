package io.threadline.gateway;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Typed settings of the gateway ({@code threadline.gateway.*}). */
@ConfigMapping(prefix = "threadline.gateway")
public interface GatewayConfig {

    /** How long to wait for Kafka's acknowledgement before answering 503. */
    Duration publishTimeout();

    /** The Retry-After a provider is told when Kafka is unavailable. */
    Duration retryAfter();
}
