package io.threadline.ticket.customer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The formerly merged customer's side of an unmerge: it stands on its own again with its identities. */
public record RestoreMergedCustomerCommand(@TargetAggregateIdentifier String customerId, String survivorCustomerId,
                                           String mergeId, List<CustomerIdentity> identities, String unmergedBy) {
}
