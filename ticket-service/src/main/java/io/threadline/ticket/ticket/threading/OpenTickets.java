package io.threadline.ticket.ticket.threading;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.Optional;

/**
 * Each customer's latest ticket, overall and per channel, in one document per customer ({@code _id} = customer
 * id). A message without explicit references joins it if the ticket still takes messages (the ticket decides:
 * open, or solved within the reopen window).
 */
@ApplicationScoped
public class OpenTickets {

    private final MongoCollection<Document> latest;

    public OpenTickets(MongoDatabase database) {
        this.latest = database.getCollection("open_tickets");
    }

    public Optional<String> of(String customerId, String channel, OpenTicketScope scope) {
        Document doc = latest.find(Filters.eq("_id", customerId)).first();
        if (doc == null) {
            return Optional.empty();
        }
        if (scope == OpenTicketScope.ANY_CHANNEL) {
            return Optional.ofNullable(doc.getString("ticketId"));
        }
        Document byChannel = doc.get("byChannel", Document.class);
        return Optional.ofNullable(byChannel == null ? null : byChannel.getString(channel));
    }

    /** Both scopes are kept, so changing the configured scope needs no migration. */
    public void remember(String customerId, String channel, String ticketId) {
        latest.updateOne(Filters.eq("_id", customerId),
                Updates.combine(Updates.set("ticketId", ticketId), Updates.set("byChannel." + channel, ticketId)),
                new UpdateOptions().upsert(true));
    }
}
