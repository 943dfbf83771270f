package io.threadline.ticket.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.threadline.contracts.events.EventType;
import io.threadline.contracts.events.IntegrationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * With several replicas, the erasure runs on one of them, and the others still hold the customer's key and cached
 * aggregates in memory: each replica hears {@code CustomerErased} on {@code customer.events} (a consumer group of its
 * own, from the end, no commits) and drops them too.
 */
@ApplicationScoped
public class ErasedCustomerFeed {

    private final CustomerErasure erasure;
    private final ObjectMapper json;

    public ErasedCustomerFeed(CustomerErasure erasure, ObjectMapper json) {
        this.erasure = erasure;
        this.json = json;
    }

    @Incoming("customer-erasures")
    @Blocking
    public void published(String event) throws JsonProcessingException {
        IntegrationEvent published = json.readValue(event, IntegrationEvent.class);
        if (EventType.CUSTOMER_ERASED.typeName().equals(published.type())) {
            erasure.forgetInMemory(published.aggregateId());
        }
    }
}
