package io.threadline.contracts;

import java.util.List;

/** Kafka topic names shared by every service. */
public final class Topics {

    /** Inbound customer messages from every channel; key {@code channel:address}. */
    public static final String CHANNEL_INBOUND = "channel.inbound";
    /** Replies to deliver; key ticketId. */
    public static final String CHANNEL_OUTBOUND = "channel.outbound";
    /** Delivery receipts for outbound messages; key outboundId. */
    public static final String CHANNEL_DELIVERY = "channel.delivery";
    /** Integration events of Ticket aggregates; key ticketId. */
    public static final String TICKET_EVENTS = "ticket.events";
    /** Integration events of Customer aggregates; key customerId. */
    public static final String CUSTOMER_EVENTS = "customer.events";
    /**
     * channel-gateway's own: agent replies and typing for chat visitors, read by every gateway replica so the one
     * holding the visitor's socket pushes them; key the visitor's chat address. Live only: no dead-letter topic.
     */
    public static final String CHAT_PUSH = "chat.push";

    /** Every topic the system uses; each that carries durable records with its dead-letter topic. */
    public static final List<String> ALL = List.of(
            CHANNEL_INBOUND, deadLetter(CHANNEL_INBOUND),
            CHANNEL_OUTBOUND, deadLetter(CHANNEL_OUTBOUND),
            CHANNEL_DELIVERY, deadLetter(CHANNEL_DELIVERY),
            TICKET_EVENTS, deadLetter(TICKET_EVENTS),
            CUSTOMER_EVENTS, deadLetter(CUSTOMER_EVENTS),
            CHAT_PUSH);

    private Topics() {
    }

    /** The topic that receives poison messages of {@code topic} after bounded retries. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
