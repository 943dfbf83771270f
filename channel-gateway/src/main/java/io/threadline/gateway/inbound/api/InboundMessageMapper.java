package io.threadline.gateway.inbound.api;

import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** From the integrator's request to the {@code channel.inbound} contract. */
final class InboundMessageMapper {

    private InboundMessageMapper() {
    }

    static InboundMessage toContract(InboundMessageRequest request, String providerMessageId, Instant acceptedAt) {
        return new InboundMessage(
                providerMessageId,
                request.channel(),
                request.inbox(),
                participant(request.sender()),
                request.recipients() == null ? List.of() : request.recipients().stream().map(InboundMessageMapper::participant).toList(),
                thread(request.thread()),
                request.subject(),
                request.text(),
                request.html(),
                request.attachments() == null ? List.of() : request.attachments().stream()
                        .map(a -> new AttachmentMetadata(a.name(), a.contentType(), a.size(), a.sha256(), a.location()))
                        .toList(),
                request.receivedAt() == null ? acceptedAt : request.receivedAt(),
                acceptedAt,
                request.providerMetadata() == null ? Map.of() : request.providerMetadata());
    }

    private static Participant participant(InboundMessageRequest.Participant p) {
        return new Participant(p.address().trim(), p.displayName());
    }

    private static ThreadReferences thread(InboundMessageRequest.Thread t) {
        if (t == null) {
            return ThreadReferences.none();
        }
        return new ThreadReferences(t.messageId(), t.inReplyTo(), t.references() == null ? List.of() : t.references(),
                t.chatSessionId(), t.conversationId());
    }
}
