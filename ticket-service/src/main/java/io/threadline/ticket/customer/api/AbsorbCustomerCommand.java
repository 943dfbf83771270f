package io.threadline.ticket.customer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The survivor's side of a merge: it takes over the merged customer's identities. */
public record AbsorbCustomerCommand(@TargetAggregateIdentifier String customerId, String mergedCustomerId,
                                    String mergeId, List<CustomerIdentity> identities, String mergedBy) {
}
