package io.threadline.ticket.ticket.command;

/** CLOSED is final: no command changes a closed ticket. */
public class TicketClosedException extends TicketRuleException {

    public TicketClosedException(String ticketNumber) {
        super("Ticket " + ticketNumber + " is closed; a closed ticket cannot change");
    }
}
