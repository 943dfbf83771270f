package io.threadline.ticket.customer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The survivor's side of undoing a merge: it gives the merge's identities back; answers the merge it undid. */
public record UnmergeCustomerCommand(@TargetAggregateIdentifier String customerId, String mergeId,
                                     String unmergedBy) {
}
