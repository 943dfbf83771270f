package io.threadline.contracts.inbound;

import java.util.List;

/**
 * What a channel tells about the conversation a message belongs to. Email uses the RFC 5322 headers;
 * chat its session; social networks their conversation id. All fields are optional.
 */
public record ThreadReferences(
        String messageId,
        String inReplyTo,
        List<String> references,
        String chatSessionId,
        String conversationId) {

    public static ThreadReferences none() {
        return new ThreadReferences(null, null, List.of(), null, null);
    }
}
