package io.threadline.contracts.events;

/** One way to reach a customer: a channel and the address on it, verified or not. */
public record Identity(String channel, String address, boolean verified) {

    public String key() {
        return channel + ":" + address;
    }
}
