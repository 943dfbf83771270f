package io.threadline.history.projection;

import io.threadline.history.mongo.DocumentCodec;
import io.threadline.history.mongo.Fields;
import io.threadline.history.mongo.JsonText;
import io.threadline.history.ticket.TicketState;
import org.bson.Document;

/**
 * Customer history heads in the {@code histories} collection: {@code _id} customerId, {@code head} the head as JSON
 * ({@link JsonText}: a head is only ever read and replaced whole by {@code _id}, and every batch that touches its
 * customer rewrites it).
 */
public final class CustomerHistoryCodec implements DocumentCodec<CustomerHistory> {

    static final String HEAD = "head";
    private static final JsonText<CustomerHistory> JSON = new JsonText<>(CustomerHistory.class, "history head");

    @Override
    public Document toDocument(CustomerHistory history) {
        return new Document("_id", history.customerId()).append(HEAD, JSON.write(history, history.customerId()));
    }

    @Override
    public CustomerHistory fromDocument(Document doc) {
        String json = doc.getString(HEAD);
        return json == null ? fromFields(doc) : JSON.read(json, doc.get("_id"));
    }

    /** A head stored by an earlier version, a field per value: still read (and stored as JSON when next written). */
    private static CustomerHistory fromFields(Document doc) {
        return new CustomerHistory(doc.getString("_id"), Boolean.TRUE.equals(doc.getBoolean("erased")),
                // A day counted by an older version (no ticket) names no entry this version can find: see the README.
                Fields.documents(doc, "days").stream().filter(d -> d.getString("ticketId") != null)
                        .map(d -> new CustomerHistory.TicketDay(Fields.longValue(d, "day"), d.getString("ticketId"),
                                Fields.longValue(d, "from"), Fields.longValue(d, "to"))).toList(),
                Fields.documents(doc, "tickets").stream().map(CustomerHistoryCodec::ticket).toList());
    }

    @Override
    public CustomerHistory empty(String id) {
        return CustomerHistory.empty(id);
    }

    private static TicketState ticket(Document d) {
        return new TicketState(d.getString("ticketId"), d.getString("ticketNumber"), d.getString("channel"),
                d.getString("subject"), Fields.instant(d, "openedAt"), d.getString("followUpOf"),
                d.getString("status"), Fields.longValue(d, "statusSeq"), d.getString("priority"),
                Fields.longValue(d, "prioritySeq"), d.getString("assignee"), d.getString("group"),
                Fields.longValue(d, "assignmentSeq"), Fields.strings(d, "tags"), Fields.longValue(d, "tagsSeq"),
                d.getString("mergedInto"), Fields.instant(d, "lastActivityAt"));
    }
}
