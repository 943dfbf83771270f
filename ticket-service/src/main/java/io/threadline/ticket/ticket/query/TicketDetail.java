package io.threadline.ticket.ticket.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.outbound.DeliveryStatus;
import io.threadline.ticket.ticket.api.TicketReference;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A ticket as an agent sees it, folded from its events: the list row's fields (flattened into the same JSON
 * object), custom fields, links to other tickets, the conversation in both directions, oldest first, the internal
 * notes (agents only) and survey answers. {@code ticket.version()} is the aggregate sequence, the ETag of the API.
 */
public record TicketDetail(
        @JsonUnwrapped TicketSummary ticket,
        Map<String, String> fields,
        Links links,
        List<Message> messages,
        List<Note> notes,
        List<SurveyAnswer> surveyAnswers) {

    public enum Direction { INBOUND, OUTBOUND }

    /** The closed ticket this one follows up, the ticket it was merged into, and the tickets merged into it. */
    public record Links(TicketReference followUpOf, TicketReference mergedInto, List<TicketReference> mergedFrom) {
    }

    /**
     * A customer's message ({@code address} = sender) or an agent's reply ({@code address} = recipient,
     * {@code author} = the agent, {@code delivery} = what the channel reported, absent until it reports).
     */
    public record Message(String id, Direction direction, String channel, String address, String displayName,
                          String author, String subject, String text, List<AttachmentMetadata> attachments,
                          Instant at, Delivery delivery) {

        Message delivered(Delivery update) {
            return new Message(id, direction, channel, address, displayName, author, subject, text, attachments, at,
                    update);
        }
    }

    public record Delivery(DeliveryStatus status, String providerMessageId, String error, Instant at) {
    }

    public record Note(String id, String author, String body, Instant at) {
    }

    public record SurveyAnswer(String surveyId, SurveyKind kind, int score, String comment, Instant answeredAt) {
    }
}
