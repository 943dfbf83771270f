package io.threadline.history.timeline.store;

import io.threadline.history.mongo.Fields;
import io.threadline.history.mongo.JsonFieldDocument;
import io.threadline.history.mongo.JsonText;
import io.threadline.history.projection.EntryKeys;
import io.threadline.history.timeline.TimelineEntry;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Timeline entries to and from their documents in {@code entries}: {@code _id} is the entry key
 * ({@code day|customerId|ticketId|sequence}, see {@link EntryKeys}), {@code entry} the entry as JSON (absent values
 * left out, no delivery: that is joined in when read).
 * <p>
 * One string rather than a field per value ({@link JsonText}): an entry never changes (an erasure replaces it whole)
 * and is only ever read by {@code _id}, so nothing needs its values as fields.
 */
public final class EntryDocuments {

    static final String ENTRY = "entry";
    private static final JsonText<TimelineEntry> JSON = new JsonText<>(TimelineEntry.class, "timeline entry");

    private EntryDocuments() {
    }

    public static Document toDocument(String key, TimelineEntry e) {
        return new Document("_id", key).append(ENTRY, JSON.write(e.withDelivery(null), key));
    }

    /** The same document as {@link #toDocument}, as BSON bytes ready to send (see {@link JsonFieldDocument}). */
    public static RawBsonDocument toRawDocument(String key, TimelineEntry e) {
        return JsonFieldDocument.of(key, ENTRY, JSON.writeBytes(e.withDelivery(null), key));
    }

    public static TimelineEntry toEntry(Document doc) {
        String json = doc.getString(ENTRY);
        return json == null ? fromFields(doc) : JSON.read(json, doc.get("_id"));
    }

    /** An entry stored by an earlier version, a field per value: still read, so that its copy need not be rebuilt. */
    private static TimelineEntry fromFields(Document doc) {
        Document author = doc.get("author", Document.class);
        Document change = doc.get("change", Document.class);
        Document assignment = doc.get("assignment", Document.class);
        Document tags = doc.get("tags", Document.class);
        Document survey = doc.get("survey", Document.class);
        Document related = doc.get("relatedTicket", Document.class);
        List<Document> attachments = doc.getList("attachments", Document.class);
        List<Document> fields = doc.getList("fields", Document.class);
        Map<String, String> fieldValues = null;
        if (fields != null) {
            fieldValues = new LinkedHashMap<>();
            for (Document field : fields) {
                fieldValues.put(field.getString("name"), field.getString("value"));
            }
        }
        String direction = doc.getString("direction");
        return new TimelineEntry(
                doc.getString("eventId"),
                doc.getString("customerId"),
                TimelineEntry.Type.valueOf(doc.getString("type")),
                direction == null ? null : TimelineEntry.Direction.valueOf(direction),
                doc.getString("channel"),
                doc.getString("ticketId"),
                doc.getString("ticketNumber"),
                doc.getString("messageId"),
                author == null ? null : new TimelineEntry.Author(TimelineEntry.AuthorKind.valueOf(author.getString("kind")),
                        author.getString("address"), author.getString("displayName")),
                doc.getString("subject"),
                doc.getString("text"),
                attachments == null ? null : attachments.stream().map(a -> new TimelineEntry.Attachment(
                        a.getString("name"), a.getString("contentType"), Fields.longValue(a, "size"),
                        a.getString("sha256"), a.getString("location"))).toList(),
                change == null ? null : new TimelineEntry.Change(change.getString("from"), change.getString("to")),
                assignment == null ? null : new TimelineEntry.Assignment(assignment.getString("assignee"),
                        assignment.getString("group"), assignment.getString("previousAssignee"),
                        assignment.getString("previousGroup")),
                tags == null ? null : new TimelineEntry.TagChange(Fields.strings(tags, "tags"),
                        Fields.strings(tags, "added"), Fields.strings(tags, "removed")),
                fieldValues,
                survey == null ? null : new TimelineEntry.Survey(survey.getString("surveyId"), survey.getString("kind"),
                        (int) Fields.longValue(survey, "score"), survey.getString("comment")),
                null,
                related == null ? null : new TimelineEntry.RelatedTicket(related.getString("ticketId"),
                        related.getString("ticketNumber")),
                Fields.instant(doc, "occurredAt"),
                Fields.instant(doc, "acceptedAt"),
                Fields.instant(doc, "recordedAt"));
    }
}
