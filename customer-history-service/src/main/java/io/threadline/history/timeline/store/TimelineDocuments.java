package io.threadline.history.timeline.store;

import io.threadline.history.timeline.TimelineEntry;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Timeline entries to and from their MongoDB documents; times are BSON dates (millisecond precision). */
final class TimelineDocuments {

    private TimelineDocuments() {
    }

    static Document toDocument(String customerId, TimelineEntry entry) {
        return new Document("_id", entry.entryId())
                .append("customerId", customerId)
                .append("type", entry.type().name())
                .append("direction", entry.direction().name())
                .append("channel", entry.channel())
                .append("ticketId", entry.ticketId())
                .append("ticketNumber", entry.ticketNumber())
                .append("author", entry.author() == null ? null : new Document("address", entry.author().address())
                        .append("displayName", entry.author().displayName()))
                .append("subject", entry.subject())
                .append("text", entry.text())
                .append("attachments", entry.attachments().stream().map(a -> new Document("name", a.name())
                        .append("contentType", a.contentType())
                        .append("size", a.size())
                        .append("sha256", a.sha256())
                        .append("location", a.location())).toList())
                .append("occurredAt", date(entry.occurredAt()))
                .append("acceptedAt", date(entry.acceptedAt()))
                .append("recordedAt", date(entry.recordedAt()));
    }

    static TimelineEntry toEntry(Document doc) {
        Document author = doc.get("author", Document.class);
        return new TimelineEntry(
                doc.getString("_id"),
                TimelineEntry.Type.valueOf(doc.getString("type")),
                TimelineEntry.Direction.valueOf(doc.getString("direction")),
                doc.getString("channel"),
                doc.getString("ticketId"),
                doc.getString("ticketNumber"),
                author == null ? null : new TimelineEntry.Author(author.getString("address"), author.getString("displayName")),
                doc.getString("subject"),
                doc.getString("text"),
                doc.getList("attachments", Document.class, List.of()).stream()
                        .map(a -> new TimelineEntry.Attachment(a.getString("name"), a.getString("contentType"),
                                a.get("size", Number.class).longValue(), a.getString("sha256"), a.getString("location")))
                        .toList(),
                instant(doc.getDate("occurredAt")),
                instant(doc.getDate("acceptedAt")),
                instant(doc.getDate("recordedAt")));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
