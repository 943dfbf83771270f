package io.threadline.analytics.kpi.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.threadline.analytics.kpi.projection.TicketState;
import io.threadline.analytics.kpi.projection.TicketStateCodec;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code tickets}: the projection's state of each ticket, keyed by ticket id. */
public final class TicketStateStore {

    private final MongoCollection<Document> tickets;

    TicketStateStore(MongoCollection<Document> tickets) {
        this.tickets = tickets;
    }

    public Map<String, TicketState> load(Collection<String> ticketIds) {
        Map<String, TicketState> states = new HashMap<>();
        if (!ticketIds.isEmpty()) {
            for (Document doc : tickets.find(Filters.in("_id", ticketIds))) {
                TicketState state = TicketStateCodec.fromDocument(doc);
                states.put(state.ticketId(), state);
            }
        }
        return states;
    }

    public void save(Collection<TicketState> states) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (TicketState state : states) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", state.ticketId()), TicketStateCodec.toDocument(state), upsert));
        }
        if (!writes.isEmpty()) {
            tickets.bulkWrite(writes);
        }
    }
}
