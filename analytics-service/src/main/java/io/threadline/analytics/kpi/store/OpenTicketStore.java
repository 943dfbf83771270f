package io.threadline.analytics.kpi.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.threadline.analytics.kpi.model.Dimensions;
import io.threadline.analytics.kpi.projection.TicketState;
import io.threadline.analytics.kpi.projection.TicketStateCodec;
import io.threadline.contracts.events.TicketStatus;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * {@code open_tickets}: the tickets in the backlog right now (opened, not solved, closed or merged), one small
 * document each. It only ever holds the backlog, so reading it whole is the live KPIs' cheap query on any MongoDB.
 */
public final class OpenTicketStore {

    /** One ticket of the backlog. {@code awaitingReplySince}: its oldest customer message without a reply. */
    public record OpenTicket(String ticketId, TicketStatus status, Instant openedAt, Dimensions dims,
                             Instant awaitingReplySince) {
    }

    private final MongoCollection<Document> open;

    OpenTicketStore(MongoCollection<Document> open) {
        this.open = open;
    }

    /** Brings the backlog in line with the states: upserts the open tickets, removes the others. */
    public void sync(Collection<TicketState> states) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (TicketState state : states) {
            if (state.isOpen()) {
                Instant awaiting = state.awaitingReplySince();
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", state.ticketId()),
                        new Document("_id", state.ticketId())
                                .append("status", state.status().name())
                                .append("openedAt", Date.from(state.openedAt()))
                                .append("dims", TicketStateCodec.dims(state.dims()))
                                .append("awaitingReplySince", awaiting == null ? null : Date.from(awaiting)),
                        upsert));
            } else {
                writes.add(new DeleteOneModel<>(Filters.eq("_id", state.ticketId())));
            }
        }
        if (!writes.isEmpty()) {
            open.bulkWrite(writes);
        }
    }

    public List<OpenTicket> all() {
        List<OpenTicket> tickets = new ArrayList<>();
        for (Document doc : open.find()) {
            Date awaiting = doc.getDate("awaitingReplySince");
            tickets.add(new OpenTicket(doc.getString("_id"), TicketStatus.valueOf(doc.getString("status")),
                    doc.getDate("openedAt").toInstant(), TicketStateCodec.dims(doc.get("dims", Document.class)),
                    awaiting == null ? null : awaiting.toInstant()));
        }
        return tickets;
    }
}
