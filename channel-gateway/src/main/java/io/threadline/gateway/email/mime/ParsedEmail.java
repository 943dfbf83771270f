package io.threadline.gateway.email.mime;

import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.inbound.Participant;

import java.util.List;
import java.util.Map;

/**
 * What the gateway takes from one RFC 5322 message.
 *
 * @param messageId     the Message-ID, or a digest of the raw message when it has none
 * @param text          the new text of the message: from text/plain, else from the HTML, with quoted replies and
 *                      the signature trimmed
 * @param html          the HTML part reduced to a safe subset of tags, or null
 * @param autoSubmitted why the message counts as automatic (auto-reply, list, bulk), or null for a person's mail
 * @param bounce        a delivery status notification or a mailer-daemon message, not a customer's words
 * @param originalIds   for a bounce: the Message-IDs of the message(s) it reports on
 * @param diagnostic    for a bounce: the status and diagnostic the report gives, if any
 */
public record ParsedEmail(
        String messageId,
        String inReplyTo,
        List<String> references,
        Participant from,
        List<Participant> recipients,
        String subject,
        String text,
        String html,
        List<AttachmentMetadata> attachments,
        String autoSubmitted,
        boolean bounce,
        List<String> originalIds,
        String diagnostic,
        Map<String, String> metadata) {
}
