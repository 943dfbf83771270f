package io.threadline.ticket.customer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase the customer's personal data (right to erasure); erasing an erased customer changes nothing. */
public record EraseCustomerCommand(@TargetAggregateIdentifier String customerId, String erasedBy) {
}
