package io.threadline.ticket.customer.work;

import io.threadline.contracts.inbound.Channel;
import io.threadline.servicekit.problem.ProblemException;
import io.threadline.ticket.customer.api.AbsorbCustomerCommand;
import io.threadline.ticket.customer.api.CustomerIdentity;
import io.threadline.ticket.customer.api.LinkIdentityCommand;
import io.threadline.ticket.customer.api.MergeIntoCustomerCommand;
import io.threadline.ticket.customer.api.MergeRecord;
import io.threadline.ticket.customer.api.RestoreMergedCustomerCommand;
import io.threadline.ticket.customer.api.UnlinkIdentityCommand;
import io.threadline.ticket.customer.api.UnmergeCustomerCommand;
import io.threadline.ticket.customer.api.UpdateProfileCommand;
import io.threadline.ticket.customer.directory.CustomerDirectory;
import io.threadline.ticket.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Agents' work on customers, as commands to the Customer aggregates, kept in step with the customer directory
 * (which identity belongs to whom). Each step is idempotent, so a failed call can simply be repeated.
 */
@ApplicationScoped
public class CustomerActions {

    private final CommandGateway commands;
    private final CustomerDirectory directory;

    public CustomerActions(CommandGateway commands, CustomerDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    /** Links an identity; 409 if it belongs to another customer (merge the two instead). Answers the version. */
    public long link(String customerId, Caller caller, String channel, String address, boolean verified,
                     String evidence, Long expectedVersion) {
        String normalized = Channel.normalizeAddress(channel, address);
        String key = Channel.identityKey(channel, normalized);
        directory.claim(key, customerId).ifPresent(owner -> {
            throw new ProblemException(409, "identity-taken", "Identity belongs to another customer",
                    key + " belongs to customer " + owner + "; merge the two customers instead");
        });
        return commands.sendAndWait(new LinkIdentityCommand(customerId,
                new CustomerIdentity(channel, normalized, verified, evidence), caller.name(), expectedVersion));
    }

    public long unlink(String customerId, Caller caller, String identityKey, Long expectedVersion) {
        int colon = identityKey.indexOf(':');
        long version = commands.sendAndWait(new UnlinkIdentityCommand(customerId, identityKey.substring(0, colon),
                identityKey.substring(colon + 1), caller.name(), expectedVersion));
        directory.release(identityKey);
        return version;
    }

    public long updateProfile(String customerId, Caller caller, String name, String language, String timeZone,
                              Map<String, String> attributes, Long expectedVersion) {
        return commands.sendAndWait(new UpdateProfileCommand(customerId, name, language, timeZone,
                attributes == null ? Map.of() : attributes, caller.name(), expectedVersion));
    }

    /** Merges {@code mergedCustomerId} into {@code survivorCustomerId}; answers the merge id (to undo it). */
    public String merge(String survivorCustomerId, String mergedCustomerId, Caller caller) {
        String mergeId = UUID.randomUUID().toString();
        List<CustomerIdentity> moved = commands.sendAndWait(new MergeIntoCustomerCommand(mergedCustomerId,
                survivorCustomerId, mergeId, caller.name()));
        commands.sendAndWait(new AbsorbCustomerCommand(survivorCustomerId, mergedCustomerId, mergeId, moved,
                caller.name()));
        directory.repoint(moved.stream().map(CustomerIdentity::key).toList(), survivorCustomerId);
        directory.mergedInto(mergedCustomerId, survivorCustomerId);
        return mergeId;
    }

    /** Undoes a merge: the formerly merged customer stands alone again with the identities it brought. */
    public void unmerge(String survivorCustomerId, String mergeId, Caller caller) {
        MergeRecord undone = commands.sendAndWait(new UnmergeCustomerCommand(survivorCustomerId, mergeId,
                caller.name()));
        commands.sendAndWait(new RestoreMergedCustomerCommand(undone.mergedCustomerId(), survivorCustomerId, mergeId,
                undone.identities(), caller.name()));
        directory.repoint(undone.identities().stream().map(CustomerIdentity::key).toList(), undone.mergedCustomerId());
        directory.mergedInto(undone.mergedCustomerId(), null);
    }
}
