package io.threadline.history.ticket.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.threadline.history.ticket.TicketSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Tickets by customer: {@code _id} ticketId, ticketNumber, customerId, channel, subject, openedAt. */
@ApplicationScoped
public class TicketStore {

    private final MongoCollection<Document> tickets;

    public TicketStore(MongoDatabase database) {
        this.tickets = database.getCollection("tickets");
    }

    void createIndexes(@Observes StartupEvent startup) {
        // Real MongoDB answers a customer's tickets from this index; the stand-in ignores it and scans.
        tickets.createIndex(Indexes.ascending("customerId", "openedAt"));
    }

    /** Records an opened ticket; {@code $setOnInsert} makes a redelivery change nothing. */
    public void open(String customerId, TicketSummary ticket) {
        tickets.updateOne(Filters.eq("_id", ticket.ticketId()), Updates.combine(
                Updates.setOnInsert("ticketNumber", ticket.ticketNumber()),
                Updates.setOnInsert("customerId", customerId),
                Updates.setOnInsert("channel", ticket.channel()),
                Updates.setOnInsert("subject", ticket.subject()),
                Updates.setOnInsert("openedAt", Date.from(ticket.openedAt()))), new UpdateOptions().upsert(true));
    }

    /** A customer's tickets, oldest first. */
    public List<TicketSummary> ofCustomer(String customerId) {
        return tickets.find(Filters.eq("customerId", customerId))
                .sort(Sorts.ascending("openedAt", "_id"))
                .map(TicketStore::summary)
                .into(new ArrayList<>());
    }

    public boolean hasTickets(String customerId) {
        return tickets.find(Filters.eq("customerId", customerId)).projection(new Document("_id", 1)).first() != null;
    }

    private static TicketSummary summary(Document doc) {
        Date openedAt = doc.getDate("openedAt");
        return new TicketSummary(doc.getString("_id"), doc.getString("ticketNumber"), doc.getString("channel"),
                doc.getString("subject"), openedAt == null ? null : openedAt.toInstant());
    }
}
