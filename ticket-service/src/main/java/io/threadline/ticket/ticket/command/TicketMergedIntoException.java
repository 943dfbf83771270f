package io.threadline.ticket.ticket.command;

import io.threadline.ticket.ticket.api.TicketReference;

/** The ticket was merged into another (and closed): what was meant for it belongs on {@code target}. */
public class TicketMergedIntoException extends TicketClosedException {

    private final TicketReference target;

    public TicketMergedIntoException(String ticketNumber, TicketReference target) {
        super(ticketNumber);
        this.target = target;
    }

    public TicketReference target() {
        return target;
    }
}
