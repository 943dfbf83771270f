package io.threadline.gateway.social.meta;

import io.smallrye.mutiny.Uni;
import io.threadline.gateway.GatewayConfig;
import io.threadline.gateway.inbound.InboundService;
import io.threadline.gateway.inbound.api.AcceptedMessage;
import io.threadline.gateway.outbound.DeliveryReceipts;
import io.threadline.gateway.outbound.OutboundLog;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Publishes what one Meta webhook call carried: every message (each deduplicated by its provider id), then a
 * receipt for every status of one of our replies. Completes only once Kafka acknowledged all of it; otherwise the
 * call fails with 503 and Meta sends the whole batch again, whose already published part the receipts drop.
 * Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class MetaInbound {

    private static final Logger LOG = Logger.getLogger(MetaInbound.class);
    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(30);

    private final InboundService inbound;
    private final OutboundLog outboundLog;
    private final DeliveryReceipts receipts;
    private final GatewayConfig config;

    public MetaInbound(InboundService inbound, OutboundLog outboundLog, DeliveryReceipts receipts,
                       GatewayConfig config) {
        this.inbound = inbound;
        this.outboundLog = outboundLog;
        this.receipts = receipts;
        this.config = config;
    }

    MetaWebhookOutcome accept(MetaBatch batch) {
        int duplicates = 0;
        if (!batch.messages().isEmpty()) {
            List<AcceptedMessage> accepted = Uni.join().all(batch.messages().stream().map(inbound::accept).toList())
                    .andFailFast().await().atMost(ACCEPT_TIMEOUT);
            duplicates = (int) accepted.stream().filter(AcceptedMessage::duplicate).count();
        }
        int published = 0;
        int ignored = batch.ignored();
        for (MetaBatch.StatusUpdate status : batch.statuses()) {
            Optional<String> outboundId = outboundLog.outboundIdOf(status.channel(), status.providerMessageId());
            if (outboundId.isEmpty()) {
                // A message sent by someone else on the same account, or before the log existed.
                LOG.debugf("Status %s of %s message %s, which is none of our replies", status.status(),
                        status.channel(), status.providerMessageId());
                ignored++;
                continue;
            }
            publish(outboundId.get(), status);
            published++;
        }
        return new MetaWebhookOutcome(batch.messages().size() - duplicates, duplicates, published, ignored);
    }

    private void publish(String outboundId, MetaBatch.StatusUpdate status) {
        try {
            receipts.publish(outboundId, status.status(), status.providerMessageId(), status.error());
        } catch (RuntimeException e) {
            LOG.warnf("channel.delivery did not acknowledge the %s receipt of %s: %s", status.status(), outboundId, e);
            throw ProblemException.unavailable("The message broker did not acknowledge a delivery receipt. "
                    + "Retry later.", (int) config.retryAfter().toSeconds());
        }
    }
}
