package io.threadline.history.projection;

import io.threadline.history.mongo.DocumentCodec;
import io.threadline.history.mongo.Fields;
import io.threadline.history.ticket.TicketState;
import org.bson.Document;

/** Customer history heads in the {@code histories} collection ({@code _id} customerId). */
public final class CustomerHistoryCodec implements DocumentCodec<CustomerHistory> {

    @Override
    public Document toDocument(CustomerHistory history) {
        return new Document("_id", history.customerId())
                .append("erased", history.erased())
                .append("days", history.days().stream().map(d -> new Document("day", d.day())
                        .append("ticketId", d.ticketId()).append("from", d.fromSeq()).append("to", d.toSeq())).toList())
                .append("tickets", history.tickets().stream().map(CustomerHistoryCodec::ticket).toList());
    }

    @Override
    public CustomerHistory fromDocument(Document doc) {
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

    private static Document ticket(TicketState t) {
        return new Document("ticketId", t.ticketId())
                .append("ticketNumber", t.ticketNumber())
                .append("channel", t.channel())
                .append("subject", t.subject())
                .append("openedAt", Fields.date(t.openedAt()))
                .append("followUpOf", t.followUpOfTicketNumber())
                .append("status", t.status())
                .append("statusSeq", t.statusSeq())
                .append("priority", t.priority())
                .append("prioritySeq", t.prioritySeq())
                .append("assignee", t.assignee())
                .append("group", t.group())
                .append("assignmentSeq", t.assignmentSeq())
                .append("tags", t.tags())
                .append("tagsSeq", t.tagsSeq())
                .append("mergedInto", t.mergedIntoTicketNumber())
                .append("lastActivityAt", Fields.date(t.lastActivityAt()));
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
