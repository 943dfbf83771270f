package io.threadline.contracts.events;

/** Names of the aggregates that publish integration events, as written in the envelope. */
public final class AggregateType {

    public static final String CUSTOMER = "Customer";
    public static final String TICKET = "Ticket";

    private AggregateType() {
    }
}
