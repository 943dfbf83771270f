package io.threadline.contracts.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer message as published on {@code channel.inbound}, whatever channel it came from.
 * {@code channel + providerMessageId} identifies it: a redelivery with the same pair adds nothing.
 */
public record InboundMessage(
        String providerMessageId,
        String channel,
        String inbox,
        Participant sender,
        List<Participant> recipients,
        ThreadReferences thread,
        String subject,
        String text,
        String html,
        List<AttachmentMetadata> attachments,
        Instant receivedAt,
        Instant acceptedAt,
        Map<String, String> providerMetadata) {

    /** The Kafka key: {@code channel:address} of the sender, so one sender's messages stay in order. */
    public String kafkaKey() {
        return Channel.identityKey(channel, sender.address());
    }
}
