package io.threadline.gateway.inbound;

import io.smallrye.mutiny.Uni;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.gateway.inbound.api.AcceptedMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Accepts an inbound message: publishes it unless the same provider message was accepted before, and records
 * the receipt only after Kafka acknowledged, so a failure never leaves a message marked accepted but unpublished.
 */
@ApplicationScoped
public class InboundService {

    private final InboundPublisher publisher;
    private final InboundReceipts receipts;

    public InboundService(InboundPublisher publisher, InboundReceipts receipts) {
        this.publisher = publisher;
        this.receipts = receipts;
    }

    public Uni<AcceptedMessage> accept(InboundMessage message) {
        return receipts.acceptedAt(message.channel(), message.providerMessageId())
                .flatMap(previous -> previous.isPresent()
                        ? Uni.createFrom().item(accepted(message, previous.get(), true))
                        : publisher.publish(message)
                        .call(() -> receipts.record(message.channel(), message.providerMessageId(), message.acceptedAt()))
                        .replaceWith(accepted(message, message.acceptedAt(), false)));
    }

    private static AcceptedMessage accepted(InboundMessage message, Instant acceptedAt, boolean duplicate) {
        return new AcceptedMessage(message.channel(), message.providerMessageId(), message.kafkaKey(), acceptedAt,
                duplicate);
    }
}
