package io.threadline.ticket.privacy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.threadline.servicekit.problem.ProblemException;
import io.threadline.ticket.customer.api.EraseCustomerCommand;
import io.threadline.ticket.customer.api.MergeRecord;
import io.threadline.ticket.customer.query.CustomerDetail;
import io.threadline.ticket.customer.query.CustomerHistory;
import io.threadline.ticket.infrastructure.AggregateCaches;
import io.threadline.ticket.infrastructure.AxonConfiguration;
import io.threadline.ticket.ticket.query.TicketListProjection;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * Erases a customer's personal data (right to erasure), with the customers merged into it: records
 * {@code CustomerErased} (published for every read model to act on), destroys the customer's key so its sealed
 * data in the event store reads as absent everywhere (API, replay), and removes what ticket-service keeps in the
 * clear outside the events: identity directory entries, threading keys, list rows' texts, ticket snapshots and
 * cached aggregates. Counts and timings stay. Every step is idempotent: erasing again finishes an interrupted run.
 */
@ApplicationScoped
public class CustomerErasure {

    /** Who was erased and how many of their tickets were cleaned. */
    public record Erased(List<String> customerIds, int tickets) {
    }

    private final CustomerHistory customers;
    private final CommandGateway commands;
    private final CustomerKeys keys;
    private final AggregateCaches caches;
    private final MongoDatabase database;

    public CustomerErasure(CustomerHistory customers, CommandGateway commands, CustomerKeys keys,
                           AggregateCaches caches, MongoDatabase database) {
        this.customers = customers;
        this.commands = commands;
        this.keys = keys;
        this.caches = caches;
        this.database = database;
    }

    public Erased erase(String customerId, String erasedBy) {
        CustomerDetail customer = customers.load(customerId)
                .orElseThrow(() -> ProblemException.notFound("No customer " + customerId));
        if (customer.mergedInto() != null) {
            throw new ProblemException(409, "customer-merged", "Customer merged into another",
                    "Customer " + customerId + " was merged into " + customer.mergedInto()
                            + ", which holds its identities now: erase that customer");
        }
        List<String> erased = new ArrayList<>();
        erased.add(customerId);
        customer.merges().stream().map(MergeRecord::mergedCustomerId).forEach(erased::add);
        int tickets = 0;
        for (String id : erased) {
            commands.sendAndWait(new EraseCustomerCommand(id, erasedBy));
            keys.destroy(id);
            tickets += forget(id);
        }
        return new Erased(List.copyOf(erased), tickets);
    }

    /**
     * Drops what this replica holds in memory of an erased customer (its key, its cached customer and tickets): on the
     * other replicas, from {@code CustomerErased} on {@code customer.events} ({@link ErasedCustomerFeed}).
     */
    public void forgetInMemory(String customerId) {
        keys.forgetCached(customerId);
        database.getCollection(TicketListProjection.COLLECTION).find(Filters.eq("customerId", customerId))
                .projection(new Document("_id", 1)).forEach(doc -> caches.evict(doc.getString("_id")));
        caches.evict(customerId);
    }

    /** Removes the customer's data kept in the clear; answers how many of its tickets were cleaned. */
    private int forget(String customerId) {
        database.getCollection("customer_identities").deleteMany(Filters.eq("customerId", customerId));
        database.getCollection("merged_customers").deleteMany(Filters.eq("survivor", customerId));
        database.getCollection("thread_index").deleteMany(Filters.eq("customerId", customerId));
        database.getCollection("open_tickets").deleteOne(Filters.eq("_id", customerId));
        List<String> ticketIds = new ArrayList<>();
        database.getCollection(TicketListProjection.COLLECTION).find(Filters.eq("customerId", customerId))
                .projection(new Document("_id", 1)).forEach(doc -> ticketIds.add(doc.getString("_id")));
        for (String ticketId : ticketIds) {
            database.getCollection(TicketListProjection.COLLECTION).updateOne(Filters.eq("_id", ticketId),
                    Updates.combine(Updates.unset("subject"), Updates.set("searchText", "")));
            database.getCollection(AxonConfiguration.SNAPSHOTS_COLLECTION)
                    .deleteMany(Filters.eq("aggregateIdentifier", ticketId));
            caches.evict(ticketId);
        }
        caches.evict(customerId);
        return ticketIds.size();
    }
}
