package io.threadline.ticket.customer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a customer first seen through {@code channel:address}. */
public record RegisterCustomerCommand(@TargetAggregateIdentifier String customerId, String channel, String address,
                                      String displayName) {
}
