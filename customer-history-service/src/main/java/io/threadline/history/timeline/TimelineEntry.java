package io.threadline.history.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One interaction on a customer's timeline, built from one integration event. {@code occurredAt} is when it
 * happened (on its channel, for messages), {@code acceptedAt} when the gateway accepted an inbound message,
 * {@code recordedAt} when this service stored the entry. Only the fields of the entry's type are present.
 */
@Schema(name = "TimelineEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(
        @Schema(description = "Stable id of the entry: the id of the event that created it") String entryId,
        @Schema(description = "The customer whose history holds it; differs from the requested one after a merge")
        String customerId,
        Type type,
        Direction direction,
        String channel,
        String ticketId,
        String ticketNumber,
        @Schema(description = "Inbound message id, or the outbound id of a reply") String messageId,
        Author author,
        String subject,
        String text,
        List<Attachment> attachments,
        @Schema(description = "STATUS_CHANGED and PRIORITY_CHANGED: from and to") Change change,
        Assignment assignment,
        TagChange tags,
        @Schema(description = "FIELDS_CHANGED: every custom field afterwards") Map<String, String> fields,
        Survey survey,
        @Schema(description = "Replies: what became of the delivery, once the channel reported it") Delivery delivery,
        @Schema(description = "TICKET_OPENED: the closed ticket it follows up; TICKETS_MERGED: the other ticket")
        RelatedTicket relatedTicket,
        Instant occurredAt,
        Instant acceptedAt,
        Instant recordedAt) {

    public enum Type {
        /** A customer's message (INBOUND) or an agent's reply (OUTBOUND). The only type customers see. */
        MESSAGE,
        /** An agent's internal note: agents only. */
        NOTE,
        TICKET_OPENED,
        STATUS_CHANGED,
        ASSIGNED,
        PRIORITY_CHANGED,
        TAGS_CHANGED,
        FIELDS_CHANGED,
        TICKETS_MERGED,
        SURVEY_ANSWERED
    }

    public enum Direction {
        INBOUND, OUTBOUND, INTERNAL
    }

    public enum AuthorKind {
        CUSTOMER, AGENT, SYSTEM
    }

    /** Who did it: the customer as their channel shows them, an agent by name, or the system. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Author(AuthorKind kind, String address, String displayName) {
    }

    /** An attachment's description; the bytes stay where {@code location} points. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attachment(String name, String contentType, long size, String sha256, String location) {
    }

    public record Change(String from, String to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assignment(String assignee, String group, String previousAssignee, String previousGroup) {
    }

    public record TagChange(List<String> tags, List<String> added, List<String> removed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Survey(String surveyId, String kind, int score, String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(String status, String providerMessageId, String error, Instant updatedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelatedTicket(String ticketId, String ticketNumber) {
    }

    public boolean customerVisible() {
        return type == Type.MESSAGE;
    }

    public TimelineEntry withRecordedAt(Instant at) {
        return new TimelineEntry(entryId, customerId, type, direction, channel, ticketId, ticketNumber, messageId,
                author, subject, text, attachments, change, assignment, tags, fields, survey, delivery, relatedTicket,
                occurredAt, acceptedAt, at);
    }

    public TimelineEntry withDelivery(Delivery value) {
        return new TimelineEntry(entryId, customerId, type, direction, channel, ticketId, ticketNumber, messageId,
                author, subject, text, attachments, change, assignment, tags, fields, survey, value, relatedTicket,
                occurredAt, acceptedAt, recordedAt);
    }
}
