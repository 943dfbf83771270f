package io.threadline.gateway.inbound.dedup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.threadline.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

import java.util.Optional;

/**
 * The receipts of recently published provider messages, in this replica's memory: written by this replica once
 * Kafka acknowledged, and by {@link ReceiptFeed} for what any replica published. A fast first line, not the last
 * one: ticket-service derives its ids from channel + provider message id and ignores a message it has seen, so
 * a duplicate that slips through (older than the cache, or racing on two replicas) costs a little work, never a
 * second ticket entry.
 */
@ApplicationScoped
public class InboundReceipts {

    private final Cache<String, Receipt> cache;

    @Inject
    public InboundReceipts(GatewayConfig config, MeterRegistry metrics) {
        this(config.dedup().cacheSize(), config.dedup().cacheTtl(), metrics);
    }

    InboundReceipts(int cacheSize, Duration ttl, MeterRegistry metrics) {
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(ttl).build();
        metrics.gaugeMapSize("threadline.gateway.receipts.cached", java.util.List.of(), cache.asMap());
    }

    public Optional<Receipt> find(String key) {
        return Optional.ofNullable(cache.getIfPresent(key));
    }

    /** Keeps the first receipt of a key: a replayed or repeated one never replaces it. */
    public void record(Receipt receipt) {
        cache.asMap().putIfAbsent(receipt.key(), receipt);
    }
}
