package io.threadline.history.timeline.store;

import io.threadline.history.mongo.Fields;
import io.threadline.history.projection.EntryKeys;
import io.threadline.history.timeline.TimelineEntry;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Timeline entries to and from their documents in {@code entries}: {@code _id} is the entry key
 * ({@code day|customerId|ticketId|sequence}, see {@link EntryKeys}), {@code eventId} the entry id. Absent values are
 * left out.
 */
public final class EntryDocuments {

    private EntryDocuments() {
    }

    public static Document toDocument(String key, TimelineEntry e) {
        Document doc = new Document("_id", key).append("eventId", e.entryId());
        put(doc, "customerId", e.customerId());
        put(doc, "type", e.type().name());
        put(doc, "direction", e.direction() == null ? null : e.direction().name());
        put(doc, "channel", e.channel());
        put(doc, "ticketId", e.ticketId());
        put(doc, "ticketNumber", e.ticketNumber());
        put(doc, "messageId", e.messageId());
        if (e.author() != null) {
            Document author = new Document("kind", e.author().kind().name());
            put(author, "address", e.author().address());
            put(author, "displayName", e.author().displayName());
            doc.append("author", author);
        }
        put(doc, "subject", e.subject());
        put(doc, "text", e.text());
        if (e.attachments() != null) {
            doc.append("attachments", e.attachments().stream().map(a -> {
                Document attachment = new Document("size", a.size());
                put(attachment, "name", a.name());
                put(attachment, "contentType", a.contentType());
                put(attachment, "sha256", a.sha256());
                put(attachment, "location", a.location());
                return attachment;
            }).toList());
        }
        if (e.change() != null) {
            doc.append("change", new Document("from", e.change().from()).append("to", e.change().to()));
        }
        if (e.assignment() != null) {
            doc.append("assignment", new Document("assignee", e.assignment().assignee())
                    .append("group", e.assignment().group())
                    .append("previousAssignee", e.assignment().previousAssignee())
                    .append("previousGroup", e.assignment().previousGroup()));
        }
        if (e.tags() != null) {
            doc.append("tags", new Document("tags", e.tags().tags()).append("added", e.tags().added())
                    .append("removed", e.tags().removed()));
        }
        if (e.fields() != null) {
            // Field names are free text: stored as a list so that dots and dollars need no escaping.
            doc.append("fields", e.fields().entrySet().stream()
                    .map(f -> new Document("name", f.getKey()).append("value", f.getValue())).toList());
        }
        if (e.survey() != null) {
            doc.append("survey", new Document("surveyId", e.survey().surveyId()).append("kind", e.survey().kind())
                    .append("score", e.survey().score()).append("comment", e.survey().comment()));
        }
        if (e.relatedTicket() != null) {
            doc.append("relatedTicket", new Document("ticketId", e.relatedTicket().ticketId())
                    .append("ticketNumber", e.relatedTicket().ticketNumber()));
        }
        put(doc, "occurredAt", Fields.date(e.occurredAt()));
        put(doc, "acceptedAt", Fields.date(e.acceptedAt()));
        put(doc, "recordedAt", Fields.date(e.recordedAt()));
        return doc;
    }

    public static TimelineEntry toEntry(Document doc) {
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

    private static void put(Document doc, String field, Object value) {
        if (value != null) {
            doc.append(field, value);
        }
    }
}
