package io.threadline.history.customer;

/** One channel address of a customer; {@code address} is in the channel's normalized form. */
public record CustomerIdentity(String channel, String address, boolean verified) {
}
