package io.threadline.ticket.ticket.api;

/**
 * An identity an agent picked for a reply, and the customer it belongs to according to the customer directory
 * ({@code null} if the identity is unknown).
 */
public record ReplyAddress(String channel, String address, String ownerCustomerId) {
}
