package io.threadline.ticket.customer.command;

import io.threadline.ticket.customer.api.AbsorbCustomerCommand;
import io.threadline.ticket.customer.api.CustomerErasedEvent;
import io.threadline.ticket.customer.api.CustomerIdentity;
import io.threadline.ticket.customer.api.CustomerProfileUpdatedEvent;
import io.threadline.ticket.customer.api.CustomerRegisteredEvent;
import io.threadline.ticket.customer.api.CustomersMergedEvent;
import io.threadline.ticket.customer.api.CustomersUnmergedEvent;
import io.threadline.ticket.customer.api.EraseCustomerCommand;
import io.threadline.ticket.customer.api.IdentityLinkedEvent;
import io.threadline.ticket.customer.api.IdentityUnlinkedEvent;
import io.threadline.ticket.customer.api.LinkIdentityCommand;
import io.threadline.ticket.customer.api.MergeIntoCustomerCommand;
import io.threadline.ticket.customer.api.MergeRecord;
import io.threadline.ticket.customer.api.RegisterCustomerCommand;
import io.threadline.ticket.customer.api.RestoreMergedCustomerCommand;
import io.threadline.ticket.customer.api.UnlinkIdentityCommand;
import io.threadline.ticket.customer.api.UnmergeCustomerCommand;
import io.threadline.ticket.customer.api.UpdateProfileCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One person across channels: the identities that reach them, their profile, and the merges that made two
 * customer records one (each reversible). A customer merged into another takes no changes until unmerged.
 */
public class Customer {

    @AggregateIdentifier
    private String customerId;
    private final Map<String, CustomerIdentity> identities = new LinkedHashMap<>();
    private final Map<String, MergeRecord> merges = new LinkedHashMap<>();
    private String mergedInto;
    private CustomerProfileUpdatedEvent profile;
    private boolean erased;

    protected Customer() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Customer(RegisterCustomerCommand command) {
        apply(new CustomerRegisteredEvent(command.customerId(), command.channel(), command.address(),
                command.displayName()));
    }

    @CommandHandler
    public long handle(LinkIdentityCommand command) {
        checkVersion(command.expectedVersion());
        refuseIfMerged();
        CustomerIdentity identity = command.identity();
        if (!identity.equals(identities.get(identity.key()))) {
            apply(new IdentityLinkedEvent(customerId, identity.channel(), identity.address(), identity.verified(),
                    identity.evidence(), command.linkedBy()));
        }
        return version();
    }

    @CommandHandler
    public long handle(UnlinkIdentityCommand command) {
        checkVersion(command.expectedVersion());
        refuseIfMerged();
        String key = command.channel() + ":" + command.address();
        if (!identities.containsKey(key)) {
            throw new CustomerRuleException("identity", "Customer " + customerId + " has no identity " + key);
        }
        if (identities.size() == 1) {
            throw new CustomerRuleException("identity", "The last identity of a customer cannot be unlinked");
        }
        apply(new IdentityUnlinkedEvent(customerId, command.channel(), command.address(), command.unlinkedBy()));
        return version();
    }

    @CommandHandler
    public long handle(UpdateProfileCommand command) {
        checkVersion(command.expectedVersion());
        refuseIfMerged();
        CustomerProfileUpdatedEvent updated = new CustomerProfileUpdatedEvent(customerId, command.name(),
                command.language(), command.timeZone(), Map.copyOf(command.attributes()), command.updatedBy());
        if (!updated.equals(profile)) {
            apply(updated);
        }
        return version();
    }

    /** The merged customer's side: it hands over its identities, which the survivor then absorbs. */
    @CommandHandler
    public List<CustomerIdentity> handle(MergeIntoCustomerCommand command) {
        refuseIfMerged();
        if (command.survivorCustomerId().equals(customerId)) {
            throw new CustomerRuleException("mergedCustomerId", "A customer cannot be merged into itself");
        }
        if (!merges.isEmpty()) {
            throw new CustomerRuleException("mergedCustomerId", "Customer " + customerId
                    + " absorbed other customers; merge it as the survivor, or undo those merges first");
        }
        List<CustomerIdentity> moved = List.copyOf(identities.values());
        apply(new CustomersMergedEvent(customerId, command.survivorCustomerId(), customerId, command.mergeId(), moved,
                command.mergedBy()));
        return moved;
    }

    @CommandHandler
    public void handle(AbsorbCustomerCommand command) {
        refuseIfMerged();
        apply(new CustomersMergedEvent(customerId, customerId, command.mergedCustomerId(), command.mergeId(),
                command.identities(), command.mergedBy()));
    }

    /** The survivor's side of an unmerge: the identities of that merge go back. Answers the merge undone. */
    @CommandHandler
    public MergeRecord handle(UnmergeCustomerCommand command) {
        MergeRecord merge = merges.get(command.mergeId());
        if (merge == null) {
            throw new CustomerRuleException("mergeId", "Customer " + customerId + " has no merge " + command.mergeId());
        }
        List<CustomerIdentity> returned = merge.identities().stream()
                .filter(identity -> identities.containsKey(identity.key())).toList();
        apply(new CustomersUnmergedEvent(customerId, customerId, merge.mergedCustomerId(), merge.mergeId(), returned,
                command.unmergedBy()));
        return new MergeRecord(merge.mergeId(), merge.mergedCustomerId(), returned);
    }

    @CommandHandler
    public void handle(RestoreMergedCustomerCommand command) {
        if (!Objects.equals(mergedInto, command.survivorCustomerId())) {
            throw new CustomerRuleException("mergeId", "Customer " + customerId + " is not merged into "
                    + command.survivorCustomerId());
        }
        apply(new CustomersUnmergedEvent(customerId, command.survivorCustomerId(), customerId, command.mergeId(),
                command.identities(), command.unmergedBy()));
    }

    @CommandHandler
    public void handle(EraseCustomerCommand command) {
        if (!erased) {
            apply(new CustomerErasedEvent(customerId, command.erasedBy()));
        }
    }

    @EventSourcingHandler
    void on(CustomerErasedEvent event) {
        erased = true;
        identities.clear();
        profile = null;
    }

    @EventSourcingHandler
    void on(CustomerRegisteredEvent event) {
        customerId = event.customerId();
        CustomerIdentity first = new CustomerIdentity(event.channel(), event.address(), false, "first message");
        identities.put(first.key(), first);
    }

    @EventSourcingHandler
    void on(IdentityLinkedEvent event) {
        CustomerIdentity identity = new CustomerIdentity(event.channel(), event.address(), event.verified(),
                event.evidence());
        identities.put(identity.key(), identity);
    }

    @EventSourcingHandler
    void on(IdentityUnlinkedEvent event) {
        identities.remove(event.channel() + ":" + event.address());
    }

    @EventSourcingHandler
    void on(CustomerProfileUpdatedEvent event) {
        profile = event;
    }

    @EventSourcingHandler
    void on(CustomersMergedEvent event) {
        if (customerId.equals(event.mergedCustomerId())) {
            mergedInto = event.survivorCustomerId();
            identities.clear();
        } else {
            merges.put(event.mergeId(), new MergeRecord(event.mergeId(), event.mergedCustomerId(),
                    event.movedIdentities()));
            event.movedIdentities().forEach(identity -> identities.put(identity.key(), identity));
        }
    }

    @EventSourcingHandler
    void on(CustomersUnmergedEvent event) {
        if (customerId.equals(event.mergedCustomerId())) {
            mergedInto = null;
            event.returnedIdentities().forEach(identity -> identities.put(identity.key(), identity));
        } else {
            // What the merge brought goes, as the survivor recorded it: a merge stored before the merged customer's
            // identities were sealed with its own key stays readable after its erasure, while the unmerge does not.
            MergeRecord merge = merges.remove(event.mergeId());
            if (merge != null) {
                merge.identities().forEach(identity -> identities.remove(identity.key()));
            }
        }
    }

    Set<String> identities() {
        return Set.copyOf(identities.keySet());
    }

    private void refuseIfMerged() {
        if (erased) {
            throw new CustomerRuleException("customerId", "Customer " + customerId + " was erased");
        }
        if (mergedInto != null) {
            throw new CustomerRuleException("customerId", "Customer " + customerId + " is merged into " + mergedInto
                    + "; change the survivor, or undo the merge");
        }
    }

    private void checkVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version()) {
            throw new CustomerVersionConflictException(expectedVersion, version());
        }
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}
