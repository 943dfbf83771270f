package io.threadline.ticket.infrastructure;

import io.threadline.ticket.TicketServiceConfig;
import jakarta.inject.Singleton;

/** The in-memory caches of both aggregate types, shared with erasure, which must drop what they hold in the clear. */
@Singleton
public class AggregateCaches {

    private final CaffeineAggregateCache tickets;
    private final CaffeineAggregateCache customers;

    public AggregateCaches(TicketServiceConfig config) {
        this.tickets = new CaffeineAggregateCache(config.aggregateCacheSize());
        this.customers = new CaffeineAggregateCache(config.aggregateCacheSize());
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
