package io.threadline.ticket.ticket.threading;

/** Which of the customer's tickets a message without explicit references joins. */
public enum OpenTicketScope {
    /** The customer's latest ticket, whatever channel it started on (one conversation across channels). */
    ANY_CHANNEL,
    /** The customer's latest ticket on the message's own channel. */
    SAME_CHANNEL
}
