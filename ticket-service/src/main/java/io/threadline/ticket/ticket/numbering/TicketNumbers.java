package io.threadline.ticket.ticket.numbering;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.threadline.ticket.TicketServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

/**
 * Hands out human-friendly ticket numbers ({@code TL-1001}, {@code TL-1002}…): unique and increasing across
 * replicas through one atomic counter. A number taken by a message that turns out to be a redelivery is skipped.
 */
@ApplicationScoped
public class TicketNumbers {

    private static final String PREFIX = "TL-";

    private final MongoCollection<Document> counters;
    private final long first;

    public TicketNumbers(MongoDatabase database, TicketServiceConfig config) {
        this.counters = database.getCollection("counters");
        this.first = config.firstTicketNumber();
    }

    public String next() {
        Document counter = counters.findOneAndUpdate(Filters.eq("_id", "ticketNumber"), Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long sequence = counter.get("value", Number.class).longValue();
        return PREFIX + (first - 1 + sequence);
    }
}
