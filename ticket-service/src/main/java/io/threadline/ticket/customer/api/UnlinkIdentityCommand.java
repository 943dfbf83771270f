package io.threadline.ticket.customer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Unlink one of the customer's identities. */
public record UnlinkIdentityCommand(@TargetAggregateIdentifier String customerId, String channel, String address,
                                    String unlinkedBy, Long expectedVersion) {
}
