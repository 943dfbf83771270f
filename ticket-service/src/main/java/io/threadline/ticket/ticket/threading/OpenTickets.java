package io.threadline.ticket.ticket.threading;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.Optional;

/** Each customer's open ticket, the one a new message joins when nothing more explicit decides. */
@ApplicationScoped
public class OpenTickets {

    private final MongoCollection<Document> openTickets;

    public OpenTickets(MongoDatabase database) {
        this.openTickets = database.getCollection("open_tickets");
    }

    public Optional<String> of(String customerId) {
        return Optional.ofNullable(openTickets.find(Filters.eq("_id", customerId)).first())
                .map(doc -> doc.getString("ticketId"));
    }

    public void remember(String customerId, String ticketId) {
        openTickets.replaceOne(Filters.eq("_id", customerId), new Document("_id", customerId).append("ticketId", ticketId),
                new ReplaceOptions().upsert(true));
    }
}
