package io.threadline.ticket.ticket.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.threadline.contracts.inbound.AttachmentMetadata;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as an agent sees it, folded from its events: the list row's fields (flattened into the same JSON
 * object), the conversation in both directions, oldest first, and the internal notes (agents only).
 * {@code ticket.version()} is the aggregate sequence, the ETag of the API.
 */
public record TicketDetail(
        @JsonUnwrapped TicketSummary ticket,
        List<Message> messages,
        List<Note> notes) {

    public enum Direction { INBOUND, OUTBOUND }

    /**
     * A customer's message ({@code address} = sender) or an agent's reply ({@code address} = recipient,
     * {@code author} = the agent).
     */
    public record Message(String id, Direction direction, String channel, String address, String displayName,
                          String author, String subject, String text, List<AttachmentMetadata> attachments,
                          Instant at) {
    }

    public record Note(String id, String author, String body, Instant at) {
    }
}
