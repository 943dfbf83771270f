package io.threadline.ticket.ticket.api;

import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.ticket.privacy.PersonalData;

import java.time.Instant;
import java.util.List;

/**
 * A message as a ticket stores it. {@code messageId} is derived from channel and provider message id, so a
 * redelivered message carries the same id and the ticket records it once. {@code thread} is what the channel told
 * about the conversation (email headers, chat session, social conversation); replies answer into it.
 */
public record MessageDetails(
        String messageId,
        String channel,
        String providerMessageId,
        @PersonalData String fromAddress,
        @PersonalData String fromName,
        @PersonalData String subject,
        @PersonalData String text,
        @PersonalData List<AttachmentMetadata> attachments,
        Instant receivedAt,
        Instant acceptedAt,
        ThreadReferences thread) {

    /** When the message reached Threadline: the time the reopen window is measured against. */
    public Instant arrivedAt() {
        return acceptedAt != null ? acceptedAt : receivedAt;
    }
}
