package io.threadline.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.CustomerErased;
import io.threadline.contracts.events.CustomerProfileUpdated;
import io.threadline.contracts.events.CustomerRegistered;
import io.threadline.contracts.events.CustomersMerged;
import io.threadline.contracts.events.CustomersUnmerged;
import io.threadline.contracts.events.Identity;
import io.threadline.contracts.events.IdentityLinked;
import io.threadline.contracts.events.IdentityUnlinked;
import io.threadline.contracts.events.IntegrationEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The events of one Customer aggregate, as ticket-service would publish them: numbered, a minute apart. */
public final class CustomerScript {

    public static final ObjectMapper JSON = ContractJson.newMapper();

    private final String customerId;
    private long seq;
    private Instant at;

    public CustomerScript(String customerId, Instant start) {
        this.customerId = customerId;
        this.at = start;
    }

    public String id() {
        return customerId;
    }

    public IntegrationEvent registered(String channel, String address, String displayName) {
        return next(new CustomerRegistered(customerId, new Identity(channel, address, true), displayName));
    }

    public IntegrationEvent linked(String channel, String address) {
        return next(new IdentityLinked(customerId, new Identity(channel, address, false), "agent check", "dev-agent"));
    }

    public IntegrationEvent unlinked(String channel, String address) {
        return next(new IdentityUnlinked(customerId, new Identity(channel, address, false), "dev-agent"));
    }

    public IntegrationEvent merged(String survivor, String merged, String mergeId, List<Identity> moved) {
        return next(new CustomersMerged(customerId, survivor, merged, mergeId, moved, "dev-supervisor"));
    }

    public IntegrationEvent unmerged(String survivor, String merged, String mergeId, List<Identity> returned) {
        return next(new CustomersUnmerged(customerId, survivor, merged, mergeId, returned, "dev-supervisor"));
    }

    public IntegrationEvent profile(String name, String language) {
        return next(new CustomerProfileUpdated(customerId, name, language, "Europe/Paris", Map.of("tier", "gold"),
                "dev-agent"));
    }

    public IntegrationEvent erased() {
        return next(new CustomerErased(customerId, "dev-admin"));
    }

    private IntegrationEvent next(Object payload) {
        seq++;
        at = at.plusSeconds(60);
        return IntegrationEvent.wrap(UUID.randomUUID().toString(), customerId, seq, at, customerId, payload, JSON);
    }
}
