package io.threadline.ticket.customer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Link an identity to the customer (its ownership was claimed in the customer directory first). */
public record LinkIdentityCommand(@TargetAggregateIdentifier String customerId, CustomerIdentity identity,
                                  String linkedBy, Long expectedVersion) {
}
