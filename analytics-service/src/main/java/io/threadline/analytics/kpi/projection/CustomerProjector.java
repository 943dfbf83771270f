package io.threadline.analytics.kpi.projection;

import io.threadline.analytics.kpi.model.Counter;
import io.threadline.analytics.kpi.model.Dimensions;
import io.threadline.analytics.kpi.model.Tally;
import io.threadline.contracts.events.CustomerRegistered;
import io.threadline.contracts.events.IntegrationEvent;

import java.util.List;

/**
 * Customer events: a registration counts a new customer under the channel of its first identity. Nothing else of
 * a customer is kept, so an erasure ({@code CustomerErased}) has nothing personal to remove here: the counts and
 * timings stay, as the contract asks.
 */
public final class CustomerProjector {

    /** Applies the event unless the customer's sequence high-water mark says it was applied before. */
    public List<Contribution> apply(CustomerState state, IntegrationEvent event, Object payload) {
        if (event.aggregateSequence() <= state.sequence) {
            return List.of();
        }
        state.sequence = event.aggregateSequence();
        if (payload instanceof CustomerRegistered registered) {
            String channel = registered.identity() == null ? null : registered.identity().channel();
            return List.of(new Contribution(event.occurredAt(), Dimensions.ofChannelOnly(channel),
                    Tally.of(Counter.CUSTOMERS_REGISTERED, 1)));
        }
        return List.of();
    }
}
