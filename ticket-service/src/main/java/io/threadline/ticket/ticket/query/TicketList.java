package io.threadline.ticket.ticket.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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

/** Reads the agents' ticket list from the {@code tickets} collection: filtered, newest update first, by cursor. */
@ApplicationScoped
public class TicketList {

    private final MongoCollection<Document> tickets;

    public TicketList(MongoDatabase database) {
        this.tickets = database.getCollection(TicketListProjection.COLLECTION);
    }

    public TicketPage find(TicketFilter filter, int limit, TicketCursor after) {
        List<Bson> criteria = new ArrayList<>();
        if (filter.status() != null) {
            criteria.add(Filters.eq("status", filter.status().name()));
        }
        if (filter.assignee() != null) {
            criteria.add(Filters.eq("assignee", filter.assignee()));
        }
        if (filter.customerId() != null) {
            criteria.add(Filters.eq("customerId", filter.customerId()));
        }
        if (filter.channel() != null) {
            criteria.add(Filters.eq("channel", filter.channel()));
        }
        if (after != null) {
            Date at = Date.from(after.updatedAt());
            criteria.add(Filters.or(Filters.lt("updatedAt", at),
                    Filters.and(Filters.eq("updatedAt", at), Filters.lt("_id", after.id()))));
        }
        Bson query = criteria.isEmpty() ? new Document() : Filters.and(criteria);
        List<TicketSummary> rows = new ArrayList<>();
        // One more than asked tells whether another page follows.
        for (Document doc : tickets.find(query).sort(Sorts.descending("updatedAt", "_id")).limit(limit + 1)) {
            rows.add(summary(doc));
        }
        if (rows.size() <= limit) {
            return new TicketPage(rows, null);
        }
        List<TicketSummary> page = rows.subList(0, limit);
        TicketSummary last = page.get(limit - 1);
        return new TicketPage(List.copyOf(page), new TicketCursor(last.updatedAt(), last.id()).encode());
    }

    private static TicketSummary summary(Document doc) {
        return new TicketSummary(doc.getString("_id"), doc.getString("number"), doc.getString("customerId"),
                enumOf(TicketStatus.class, doc.getString("status")),
                enumOf(TicketPriority.class, doc.getString("priority")), doc.getString("assignee"),
                doc.getString("group"), doc.getString("channel"), doc.getString("subject"),
                instant(doc.getDate("createdAt")), instant(doc.getDate("updatedAt")),
                instant(doc.getDate("lastMessageAt")), doc.get("version", Number.class).longValue());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
