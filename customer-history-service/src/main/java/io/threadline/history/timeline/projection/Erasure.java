package io.threadline.history.timeline.projection;

import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.TimelineEntry.Author;
import io.threadline.history.timeline.TimelineEntry.AuthorKind;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an erased customer's timeline keeps: the kind of each interaction, its channel, ticket, times, counts and
 * sizes; never names, addresses, subjects, texts, comments, field values or where attachments are. Applying it
 * twice changes nothing, and an entry rebuilt from a replayed event (whose personal fields are null) scrubs to the
 * same entry.
 */
public final class Erasure {

    private Erasure() {
    }

    public static TimelineEntry scrub(TimelineEntry entry) {
        Author author = entry.author();
        if (author != null && author.kind() == AuthorKind.CUSTOMER) {
            author = new Author(AuthorKind.CUSTOMER, null, null);
        }
        List<TimelineEntry.Attachment> attachments = entry.attachments() == null ? null : entry.attachments().stream()
                .map(a -> new TimelineEntry.Attachment(null, a.contentType(), a.size(), null, null)).toList();
        Map<String, String> fields = null;
        if (entry.fields() != null) {
            fields = new TreeMap<>();
            for (String key : entry.fields().keySet()) {
                fields.put(key, null);
            }
        }
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
