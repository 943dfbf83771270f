package io.threadline.analytics.kpi.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.threadline.analytics.kpi.projection.CustomerState;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code customers}: per customer id, only the highest aggregate sequence applied. */
public final class CustomerStateStore {

    private final MongoCollection<Document> customers;

    CustomerStateStore(MongoCollection<Document> customers) {
        this.customers = customers;
    }

    public Map<String, CustomerState> load(Collection<String> customerIds) {
        Map<String, CustomerState> states = new HashMap<>();
        if (!customerIds.isEmpty()) {
            for (Document doc : customers.find(Filters.in("_id", customerIds))) {
                states.put(doc.getString("_id"), new CustomerState(doc.getString("_id"),
                        doc.get("seq", Number.class).longValue()));
            }
        }
        return states;
    }

    public void save(Collection<CustomerState> states) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (CustomerState state : states) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", state.customerId()),
                    new Document("_id", state.customerId()).append("seq", state.sequence()), upsert));
        }
        if (!writes.isEmpty()) {
            customers.bulkWrite(writes);
        }
    }
}
