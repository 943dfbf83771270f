package io.threadline.ticket.ticket.query;

import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.inbound.AttachmentMetadata;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as an agent sees it, folded from its events: the conversation in both directions, oldest first, and
 * the internal notes (agents only). {@code version} is the aggregate sequence, the ETag of the API.
 */
public record TicketDetail(
        String id,
        String number,
        String customerId,
        TicketStatus status,
        TicketPriority priority,
        String assignee,
        String group,
        String channel,
        String subject,
        Instant createdAt,
        Instant updatedAt,
        Instant lastMessageAt,
        long version,
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
