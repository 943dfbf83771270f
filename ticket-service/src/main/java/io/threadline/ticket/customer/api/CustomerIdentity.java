package io.threadline.ticket.customer.api;

/** One way to reach a customer, as the Customer aggregate keeps it. */
public record CustomerIdentity(String channel, String address, boolean verified, String evidence) {

    public String key() {
        return channel + ":" + address;
    }
}
