package io.threadline.history.timeline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.threadline.history.timeline.TimelineEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A message as the customer may see it: what was said, on which channel, by whom as a display name. No notes,
 * no agent identities, no assignments, tags or fields.
 */
@Schema(name = "ConversationEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationEntry(
        String entryId,
        TimelineEntry.Direction direction,
        String channel,
        String ticketNumber,
        @Schema(description = "The customer's display name, or the support team's for replies") String author,
        String subject,
        String text,
        List<Attachment> attachments,
        @Schema(description = "Replies: SENT, DELIVERED or FAILED once the channel reported it") String deliveryStatus,
        Instant occurredAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attachment(String name, String contentType, long size, String location) {
    }

    static ConversationEntry of(TimelineEntry e, String replyAuthor) {
        boolean inbound = e.direction() == TimelineEntry.Direction.INBOUND;
        return new ConversationEntry(e.entryId(), e.direction(), e.channel(), e.ticketNumber(),
                inbound ? (e.author() == null ? null : e.author().displayName()) : replyAuthor,
                e.subject(), e.text(),
                e.attachments() == null ? List.of() : e.attachments().stream()
                        .map(a -> new Attachment(a.name(), a.contentType(), a.size(), a.location())).toList(),
                e.delivery() == null ? null : e.delivery().status(), e.occurredAt());
    }
}
