package io.threadline.history.timeline;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One interaction on a customer's timeline. {@code occurredAt} is when it happened on its channel,
 * {@code acceptedAt} when the gateway accepted it, {@code recordedAt} when this service stored it.
 */
@Schema(name = "TimelineEntry")
public record TimelineEntry(
        @Schema(description = "Stable id of the entry: the id of the event that created it") String entryId,
        Type type,
        Direction direction,
        String channel,
        String ticketId,
        String ticketNumber,
        Author author,
        String subject,
        String text,
        List<Attachment> attachments,
        Instant occurredAt,
        Instant acceptedAt,
        Instant recordedAt) {

    public enum Type {
        MESSAGE
    }

    public enum Direction {
        INBOUND
    }

    /** Who wrote it, as their channel shows them. */
    public record Author(String address, String displayName) {
    }

    /** An attachment's description; the bytes stay where {@code location} points. */
    public record Attachment(String name, String contentType, long size, String sha256, String location) {
    }
}
