package io.threadline.gateway.outbound;

import io.threadline.contracts.outbound.OutboundMessage;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider adapter for the test channel {@code flaky}: the recipient says how it behaves. {@code fail-twice}
 * fails transiently twice then succeeds; {@code always-down} always fails transiently; {@code rejected} fails
 * permanently. Counts the attempts per outbound id.
 */
@Singleton
public class FlakySender implements ChannelSender {

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    int attemptsFor(String outboundId) {
        AtomicInteger count = attempts.get(outboundId);
        return count == null ? 0 : count.get();
    }

    @Override
    public String channel() {
        return "flaky";
    }

    @Override
    public String send(OutboundMessage message) throws DeliveryFailure {
        int attempt = attempts.computeIfAbsent(message.outboundId(), id -> new AtomicInteger()).incrementAndGet();
        switch (message.recipient()) {
            case "fail-twice":
                if (attempt <= 2) {
                    throw DeliveryFailure.transientFailure("provider busy (attempt " + attempt + ")", null);
                }
                return "flaky-" + message.outboundId();
            case "always-down":
                throw DeliveryFailure.transientFailure("provider down", null);
            case "rejected":
                throw DeliveryFailure.permanent("recipient blocked", null);
            default:
                return "flaky-" + message.outboundId();
        }
    }
}
