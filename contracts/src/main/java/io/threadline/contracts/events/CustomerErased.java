package io.threadline.contracts.events;

/**
 * The customer's personal data was erased (right to erasure): consumers delete names, addresses, message
 * texts and attachment locations they hold for {@code customerId}, and keep only non-personal facts such as
 * counts and timings.
 */
public record CustomerErased(String customerId, String erasedBy) {
}
