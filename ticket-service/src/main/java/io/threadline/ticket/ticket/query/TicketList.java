package io.threadline.ticket.ticket.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the agents' ticket list from the {@code tickets} collection: filtered, newest update first, by cursor. */
@ApplicationScoped
public class TicketList {

    private final MongoCollection<Document> tickets;

    public TicketList(MongoDatabase database) {
        this.tickets = database.getCollection(TicketListProjection.COLLECTION);
    }

    public TicketPage find(TicketFilter filter, TicketSort sort, int limit, TicketCursor after) {
        List<Bson> criteria = new ArrayList<>();
        equal(criteria, "status", filter.status() == null ? null : filter.status().name());
        equal(criteria, "assignee", filter.assignee());
        equal(criteria, "group", filter.group());
        equal(criteria, "priority", filter.priority() == null ? null : filter.priority().name());
        equal(criteria, "channel", filter.channel());
        equal(criteria, "tags", filter.tag());
        equal(criteria, "customerId", filter.customerId());
        if (filter.text() != null) {
            criteria.add(Filters.regex("searchText", Pattern.quote(filter.text().toLowerCase(Locale.ROOT))));
        }
        if (after != null) {
            Date at = Date.from(after.at());
            Bson beyond = sort.descending() ? Filters.lt(sort.field(), at) : Filters.gt(sort.field(), at);
            Bson tieBroken = sort.descending() ? Filters.lt("_id", after.id()) : Filters.gt("_id", after.id());
            criteria.add(Filters.or(beyond, Filters.and(Filters.eq(sort.field(), at), tieBroken)));
        }
        Bson query = criteria.isEmpty() ? new Document() : Filters.and(criteria);
        Bson order = sort.descending() ? Sorts.descending(sort.field(), "_id") : Sorts.ascending(sort.field(), "_id");
        List<Document> docs = new ArrayList<>();
        // One more than asked tells whether another page follows.
        tickets.find(query).projection(Projections.exclude("searchText")).sort(order).limit(limit + 1).into(docs);
        if (docs.size() <= limit) {
            return new TicketPage(docs.stream().map(TicketList::summary).toList(), null);
        }
        List<Document> page = docs.subList(0, limit);
        Document last = page.get(limit - 1);
        TicketCursor next = new TicketCursor(sort, last.getDate(sort.field()).toInstant(), last.getString("_id"));
        return new TicketPage(page.stream().map(TicketList::summary).toList(), next.encode());
    }

    private static void equal(List<Bson> criteria, String field, String value) {
        if (value != null) {
            criteria.add(Filters.eq(field, value));
        }
    }

    private static TicketSummary summary(Document doc) {
        return new TicketSummary(doc.getString("_id"), doc.getString("number"), doc.getString("customerId"),
                enumOf(TicketStatus.class, doc.getString("status")),
                enumOf(TicketPriority.class, doc.getString("priority")), doc.getString("assignee"),
                doc.getString("group"), doc.getString("channel"), doc.getString("subject"),
                instant(doc.getDate("createdAt")), instant(doc.getDate("updatedAt")),
                instant(doc.getDate("lastMessageAt")), doc.getList("tags", String.class, List.of()),
                doc.get("version", Number.class).longValue());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
