package io.threadline.ticket.ticket.command;

import io.threadline.contracts.inbound.ThreadReferences;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a ticket remembers of its conversation, so that a reply answers into it: per channel the latest thread
 * the customer wrote in, and the email Message-IDs exchanged so far (for References, capped like mail clients do).
 */
final class ConversationThread {

    private static final int MAX_REFERENCES = 20;

    private final Map<String, ThreadReferences> latestByChannel = new HashMap<>();
    private final List<String> emailMessageIds = new ArrayList<>();

    void customerWrote(String channel, ThreadReferences thread, String providerMessageId) {
        if (thread != null) {
            latestByChannel.put(channel, thread);
        }
        if ("email".equals(channel)) {
            remember(thread != null && thread.messageId() != null ? thread.messageId() : providerMessageId);
        }
    }

    void agentWrote(String channel, ThreadReferences sent) {
        if ("email".equals(channel) && sent != null) {
            remember(sent.messageId());
        }
    }

    /** The thread of a reply on {@code channel} carrying {@code emailMessageId} as its own Message-ID. */
    ThreadReferences replyOn(String channel, String emailMessageId) {
        ThreadReferences customer = latestByChannel.get(channel);
        if ("email".equals(channel)) {
            String inReplyTo = emailMessageIds.isEmpty() ? null : emailMessageIds.get(emailMessageIds.size() - 1);
            return new ThreadReferences(emailMessageId, inReplyTo, List.copyOf(emailMessageIds), null, null);
        }
        return customer == null ? null
                : new ThreadReferences(null, null, List.of(), customer.chatSessionId(), customer.conversationId());
    }

    private void remember(String messageId) {
        if (messageId == null || emailMessageIds.contains(messageId)) {
            return;
        }
        emailMessageIds.add(messageId);
        if (emailMessageIds.size() > MAX_REFERENCES) {
            // Keep the first message (the thread's root) and the most recent ones, as RFC 5322 suggests.
            emailMessageIds.remove(1);
        }
    }
}
