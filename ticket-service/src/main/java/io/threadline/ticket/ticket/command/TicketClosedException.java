package io.threadline.ticket.ticket.command;

/** CLOSED is final: no command changes a closed ticket. */
public class TicketClosedException extends TicketRuleException {

    private final String ticketNumber;

    public TicketClosedException(String ticketNumber) {
        super("Ticket " + ticketNumber + " is closed; a closed ticket cannot change");
        this.ticketNumber = ticketNumber;
    }

    public String ticketNumber() {
        return ticketNumber;
    }
}
