package io.threadline.history.timeline.projection;

import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.TimelineEntry.Author;
import io.threadline.history.timeline.TimelineEntry.AuthorKind;

import java.util.List;
import java.util.Map;

/**
 * What an erased customer's timeline keeps: the kind of each interaction, its channel, ticket, times and counts;
 * never names, addresses, subjects, texts, comments, attachments or ticket fields. Exactly what a replay still has:
 * ticket-service serves the personal fields of an erased customer's events absent (attachment lists and field maps
 * whole), so an entry rebuilt from a replayed event scrubs to the same entry as the live one. Applying it twice
 * changes nothing.
 */
public final class Erasure {

    private Erasure() {
    }

    public static TimelineEntry scrub(TimelineEntry entry) {
        Author author = entry.author();
        if (author != null && author.kind() == AuthorKind.CUSTOMER) {
            author = new Author(AuthorKind.CUSTOMER, null, null);
        }
        // Empty rather than null: an entry built from an event without attachments or fields holds empty ones.
        List<TimelineEntry.Attachment> attachments = entry.attachments() == null ? null : List.of();
        Map<String, String> fields = entry.fields() == null ? null : Map.of();
        TimelineEntry.Survey survey = entry.survey() == null ? null : new TimelineEntry.Survey(
                entry.survey().surveyId(), entry.survey().kind(), entry.survey().score(), null);
        TimelineEntry.Delivery delivery = entry.delivery() == null ? null : new TimelineEntry.Delivery(
                entry.delivery().status(), entry.delivery().providerMessageId(), null, entry.delivery().updatedAt());
        return new TimelineEntry(entry.entryId(), entry.customerId(), entry.type(), entry.direction(), entry.channel(),
                entry.ticketId(), entry.ticketNumber(), entry.messageId(), author, null, null, attachments,
                entry.change(), entry.assignment(), entry.tags(), fields, survey, delivery, entry.relatedTicket(),
                entry.occurredAt(), entry.acceptedAt(), entry.recordedAt());
    }
}
