package io.threadline.gateway.outbound;

import io.threadline.contracts.outbound.OutboundMessage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers one outbound message through its channel's sender, at most once per outboundId as far as the shared
 * log knows: transient failures are retried with exponential backoff, and every message ends with a receipt on
 * {@code channel.delivery}, SENT or FAILED with the reason, so a failure reaches the ticket instead of vanishing.
 */
@ApplicationScoped
public class OutboundDelivery {

    private static final Logger LOG = Logger.getLogger(OutboundDelivery.class);

    private final Map<String, ChannelSender> senders = new HashMap<>();
    private final OutboundLog log;
    private final DeliveryReceipts receipts;
    private final OutboundConfig config;
    private final MeterRegistry metrics;

    public OutboundDelivery(Instance<ChannelSender> senders, OutboundLog log, DeliveryReceipts receipts,
                            OutboundConfig config, MeterRegistry metrics) {
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.log = log;
        this.receipts = receipts;
        this.config = config;
        this.metrics = metrics;
    }

    public void deliver(OutboundMessage message) throws InterruptedException {
        Optional<OutboundLog.Outcome> earlier = log.find(message.outboundId());
        if (earlier.isPresent()) {
            // A redelivery: the message was handled; say so again in case the first receipt was lost.
            OutboundLog.Outcome outcome = earlier.get();
            LOG.debugf("Outbound %s already %s", message.outboundId(), outcome.status());
            receipts.publish(message.outboundId(), outcome.status(), outcome.providerMessageId(), outcome.error());
            return;
        }
        String problem = invalid(message);
        if (problem != null) {
            fail(message, problem);
            return;
        }
        ChannelSender sender = senders.get(message.channel());
        if (sender == null) {
            fail(message, "no adapter delivers channel '" + message.channel() + "'");
            return;
        }
        attempt(sender, message);
    }

    private void attempt(ChannelSender sender, OutboundMessage message) throws InterruptedException {
        Duration backoff = config.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                String providerMessageId = sender.send(message);
                log.sent(message.outboundId(), message.channel(), providerMessageId);
                receipts.sent(message.outboundId(), providerMessageId);
                count(message, "sent");
                return;
            } catch (DeliveryFailure failure) {
                if (!failure.isTransient()) {
                    fail(message, failure.getMessage());
                    return;
                }
                if (attempt >= config.maxAttempts()) {
                    fail(message, failure.getMessage() + " (gave up after " + attempt + " attempts)");
                    return;
                }
                LOG.infof("Outbound %s on %s failed (attempt %d), retrying in %s: %s", message.outboundId(),
                        message.channel(), attempt, backoff, failure.getMessage());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void fail(OutboundMessage message, String reason) {
        LOG.warnf("Outbound %s on %s failed: %s", message.outboundId(), message.channel(), reason);
        log.failed(message.outboundId(), message.channel(), null, reason);
        receipts.failed(message.outboundId(), null, reason);
        count(message, "failed");
    }

    /** Per channel and outcome: the channel's outbound throughput and failure rate. */
    private void count(OutboundMessage message, String outcome) {
        metrics.counter("threadline.gateway.outbound.deliveries",
                "channel", message.channel() == null ? "none" : message.channel(), "outcome", outcome).increment();
    }

    private static String invalid(OutboundMessage message) {
        if (message.channel() == null || message.channel().isBlank()) {
            return "no channel";
        }
        if (message.recipient() == null || message.recipient().isBlank()) {
            return "no recipient";
        }
        if ((message.text() == null || message.text().isBlank()) && (message.html() == null || message.html().isBlank())) {
            return "no text";
        }
        return null;
    }
}
