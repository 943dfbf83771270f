package io.threadline.gateway.social.meta;

import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.outbound.DeliveryStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * What one webhook call carried: customer messages to publish, status changes of our replies, and how many events
 * were of kinds the gateway does not handle (acknowledged and dropped, so Meta keeps the webhook enabled).
 */
final class MetaBatch {

    /** A provider's news about one of its messages, possibly one of our replies. */
    record StatusUpdate(String channel, String providerMessageId, DeliveryStatus status, String error) {
    }

    private final List<InboundMessage> messages = new ArrayList<>();
    private final List<StatusUpdate> statuses = new ArrayList<>();
    private int ignored;

    void add(InboundMessage message) {
        messages.add(message);
    }

    void add(StatusUpdate status) {
        statuses.add(status);
    }

    void ignore() {
        ignored++;
    }

    List<InboundMessage> messages() {
        return messages;
    }

    List<StatusUpdate> statuses() {
        return statuses;
    }

    int ignored() {
        return ignored;
    }
}
