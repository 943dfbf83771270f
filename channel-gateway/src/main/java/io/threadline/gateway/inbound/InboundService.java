package io.threadline.gateway.inbound;

import io.smallrye.mutiny.Uni;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.gateway.inbound.api.AcceptedMessage;
import io.threadline.gateway.inbound.dedup.InboundReceipts;
import io.threadline.gateway.inbound.dedup.Receipt;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Accepts an inbound message from any channel: publishes it unless the same provider message was accepted before,
 * and records the receipt only after Kafka acknowledged, so a failure never leaves a message marked accepted but
 * unpublished. Two copies arriving at the same replica at the same time publish once: the second waits for the
 * first and answers as a duplicate.
 */
@ApplicationScoped
public class InboundService {

    private final InboundPublisher publisher;
    private final InboundReceipts receipts;
    private final ConcurrentMap<String, CompletableFuture<Receipt>> inFlight = new ConcurrentHashMap<>();

    public InboundService(InboundPublisher publisher, InboundReceipts receipts) {
        this.publisher = publisher;
        this.receipts = receipts;
    }

    /** For webhooks: the provider's message id is the only identity. */
    public Uni<AcceptedMessage> accept(InboundMessage message) {
        return accept(message, null);
    }

    /**
     * @param fingerprint a digest of the request, or null; an earlier acceptance of the same key with another
     *                    fingerprint is answered with 422 (the key was reused for a different message)
     */
    public Uni<AcceptedMessage> accept(InboundMessage message, String fingerprint) {
        String key = Receipt.key(message.channel(), message.providerMessageId());
        CompletableFuture<Receipt> mine = new CompletableFuture<>();
        CompletableFuture<Receipt> earlier = inFlight.putIfAbsent(key, mine);
        if (earlier != null) {
            return Uni.createFrom().completionStage(earlier).map(first -> duplicate(message, first, fingerprint));
        }
        // Callers racing on the key wait for the receipt (the stored one, or the one just published) and each
        // compares its own request against it.
        return Uni.createFrom().item(() -> receipts.find(key))
                .flatMap(previous -> previous.isPresent()
                        ? Uni.createFrom().item(new Resolved(previous.get(), false))
                        : publish(message, new Receipt(key, message.acceptedAt(), fingerprint)))
                .onItemOrFailure().invoke((resolved, failure) -> {
                    if (failure != null) {
                        mine.completeExceptionally(failure);
                    } else {
                        mine.complete(resolved.receipt());
                    }
                    inFlight.remove(key, mine);
                })
                .onCancellation().invoke(() -> {
                    mine.cancel(false);
                    inFlight.remove(key, mine);
                })
                .map(resolved -> resolved.published() ? accepted(message, resolved.receipt().acceptedAt(), false)
                        : duplicate(message, resolved.receipt(), fingerprint));
    }

    /** The receipt a key stands for, and whether this call published it. */
    private record Resolved(Receipt receipt, boolean published) {
    }

    private Uni<Resolved> publish(InboundMessage message, Receipt receipt) {
        return publisher.publish(message, receipt).map(ignored -> {
            receipts.record(receipt);
            return new Resolved(receipt, true);
        });
    }

    private static AcceptedMessage duplicate(InboundMessage message, Receipt earlier, String fingerprint) {
        if (!earlier.sameRequestAs(fingerprint)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "channel " + message.channel() + " and providerMessageId " + message.providerMessageId()
                            + " were accepted at " + earlier.acceptedAt() + " for a different message");
        }
        return accepted(message, earlier.acceptedAt(), true);
    }

    private static AcceptedMessage accepted(InboundMessage message, Instant acceptedAt, boolean duplicate) {
        return new AcceptedMessage(message.channel(), message.providerMessageId(), message.kafkaKey(), acceptedAt,
                duplicate);
    }
}
