package io.threadline.ticket.customer.query;

import io.threadline.ticket.customer.api.CustomerErasedEvent;
import io.threadline.ticket.customer.api.CustomerIdentity;
import io.threadline.ticket.customer.api.CustomerProfileUpdatedEvent;
import io.threadline.ticket.customer.api.CustomerRegisteredEvent;
import io.threadline.ticket.customer.api.CustomersMergedEvent;
import io.threadline.ticket.customer.api.CustomersUnmergedEvent;
import io.threadline.ticket.customer.api.IdentityLinkedEvent;
import io.threadline.ticket.customer.api.IdentityUnlinkedEvent;
import io.threadline.ticket.customer.api.MergeRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A customer's detail read from its own events, so it is always current. */
@ApplicationScoped
public class CustomerHistory {

    private final EventStore eventStore;

    public CustomerHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<CustomerDetail> load(String customerId) {
        Fold fold = new Fold();
        DomainEventStream events = eventStore.readEvents(customerId, 0);
        while (events.hasNext()) {
            fold.add(events.next());
        }
        return fold.result();
    }

    private static final class Fold {
        private String customerId;
        private String displayName;
        private Instant createdAt;
        private long version = -1;
        private String mergedInto;
        private boolean erased;
        private CustomerDetail.Profile profile = new CustomerDetail.Profile(null, null, null, Map.of());
        private final Map<String, CustomerIdentity> identities = new LinkedHashMap<>();
        private final Map<String, MergeRecord> merges = new LinkedHashMap<>();

        void add(DomainEventMessage<?> event) {
            Object payload = event.getPayload();
            if (payload instanceof CustomerRegisteredEvent e) {
                customerId = e.customerId();
                displayName = e.displayName();
                createdAt = event.getTimestamp();
                put(new CustomerIdentity(e.channel(), e.address(), false, "first message"));
            } else if (payload instanceof CustomerErasedEvent) {
                erased = true;
                identities.clear();
                displayName = null;
                profile = new CustomerDetail.Profile(null, null, null, Map.of());
            } else if (payload instanceof IdentityLinkedEvent e) {
                put(new CustomerIdentity(e.channel(), e.address(), e.verified(), e.evidence()));
            } else if (payload instanceof IdentityUnlinkedEvent e) {
                identities.remove(e.channel() + ":" + e.address());
            } else if (payload instanceof CustomerProfileUpdatedEvent e) {
                profile = new CustomerDetail.Profile(e.name(), e.language(), e.timeZone(), e.attributes());
            } else if (payload instanceof CustomersMergedEvent e) {
                if (e.customerId().equals(e.mergedCustomerId())) {
                    mergedInto = e.survivorCustomerId();
                    identities.clear();
                } else {
                    merges.put(e.mergeId(), new MergeRecord(e.mergeId(), e.mergedCustomerId(), e.movedIdentities()));
                    e.movedIdentities().forEach(this::put);
                }
            } else if (payload instanceof CustomersUnmergedEvent e) {
                if (e.customerId().equals(e.mergedCustomerId())) {
                    mergedInto = null;
                    e.returnedIdentities().forEach(this::put);
                } else {
                    // As the survivor recorded the merge (see Customer's unmerge).
                    MergeRecord merge = merges.remove(e.mergeId());
                    if (merge != null) {
                        merge.identities().forEach(identity -> identities.remove(identity.key()));
                    }
                }
            }
            version = event.getSequenceNumber();
        }

        private void put(CustomerIdentity identity) {
            identities.put(identity.key(), identity);
        }

        Optional<CustomerDetail> result() {
            if (customerId == null) {
                return Optional.empty();
            }
            return Optional.of(new CustomerDetail(customerId, displayName, List.copyOf(identities.values()), profile,
                    List.copyOf(merges.values()), mergedInto, erased, createdAt, version));
        }
    }
}
