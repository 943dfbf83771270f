package io.threadline.contracts.events;

import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.inbound.Participant;

import java.time.Instant;
import java.util.List;

/** A customer's message joined a ticket; {@code threadingRule} says why this ticket. */
public record MessageReceived(
        String ticketId,
        String ticketNumber,
        String messageId,
        String channel,
        String providerMessageId,
        Participant sender,
        String subject,
        String text,
        List<AttachmentMetadata> attachments,
        Instant receivedAt,
        Instant acceptedAt,
        ThreadingRule threadingRule) {
}
