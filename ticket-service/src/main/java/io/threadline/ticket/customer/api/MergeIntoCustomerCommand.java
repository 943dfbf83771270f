package io.threadline.ticket.customer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The merged customer's side of a merge: it hands its identities to the survivor; answers them. */
public record MergeIntoCustomerCommand(@TargetAggregateIdentifier String customerId, String survivorCustomerId,
                                       String mergeId, String mergedBy) {
}
