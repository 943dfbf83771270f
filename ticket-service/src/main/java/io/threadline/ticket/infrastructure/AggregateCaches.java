package io.threadline.ticket.infrastructure;

import com.mongodb.client.MongoDatabase;
import io.threadline.ticket.TicketServiceConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The in-memory caches of both aggregate types, shared with erasure, which must drop what they hold in the clear.
 * Entries are checked against the event store before use, so several replicas may change the same aggregates.
 */
@Singleton
public class AggregateCaches {

    private final CaffeineAggregateCache tickets;
    private final CaffeineAggregateCache customers;

    @Inject
    public AggregateCaches(TicketServiceConfig config, MongoDatabase database) {
        this(config.aggregateCacheSize(), database);
    }

    /** Caches whose entries are checked against the store before use: other replicas may have moved on. */
    public AggregateCaches(long size, MongoDatabase database) {
        StoredVersions storedVersions = new StoredVersions(database);
        this.tickets = new CaffeineAggregateCache(size, storedVersions);
        this.customers = new CaffeineAggregateCache(size, storedVersions);
    }

    CaffeineAggregateCache tickets() {
        return tickets;
    }

    CaffeineAggregateCache customers() {
        return customers;
    }

    /** Forgets a cached aggregate, so its next command loads it from the store again. */
    public void evict(String aggregateId) {
        tickets.remove(aggregateId);
        customers.remove(aggregateId);
    }
}
