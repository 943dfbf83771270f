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
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

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

    /** Every open ticket, in no particular order. */
    public List<OpenTicket> all() {
        List<OpenTicket> tickets = new ArrayList<>();
        forEach(tickets::add);
        return tickets;
    }

    /**
     * Hands each open ticket to {@code sink} as it is read. Documents are decoded straight from their BSON (no
     * {@link Document} per ticket), and nothing is kept: a backlog of millions costs what the sink keeps of it.
     */
    public void forEach(Consumer<OpenTicket> sink) {
        for (RawBsonDocument doc : open.withDocumentClass(RawBsonDocument.class).find()) {
            sink.accept(decode(doc.asBsonReader()));
        }
    }

    private static OpenTicket decode(BsonReader reader) {
        String ticketId = null;
        TicketStatus status = null;
        Instant openedAt = null;
        Instant awaiting = null;
        Dimensions dims = null;
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String field = reader.readName();
            if (reader.getCurrentBsonType() == BsonType.NULL) {
                reader.readNull();
                continue;
            }
            switch (field) {
                case "_id" -> ticketId = reader.readString();
                case "status" -> status = TicketStatus.valueOf(reader.readString());
                case "openedAt" -> openedAt = Instant.ofEpochMilli(reader.readDateTime());
                case "awaitingReplySince" -> awaiting = Instant.ofEpochMilli(reader.readDateTime());
                case "dims" -> dims = decodeDims(reader);
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new OpenTicket(ticketId, status, openedAt, dims, awaiting);
    }

    private static Dimensions decodeDims(BsonReader reader) {
        String channel = null;
        String group = null;
        String agent = null;
        String priority = null;
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String field = reader.readName();
            switch (field) {
                case "channel" -> channel = reader.readString();
                case "group" -> group = reader.readString();
                case "agent" -> agent = reader.readString();
                case "priority" -> priority = reader.readString();
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new Dimensions(channel, group, agent, priority);
    }
}
