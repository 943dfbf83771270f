package io.threadline.ticket.ticket.command;

/** A SOLVED ticket past its reopen window: a new message starts a new ticket instead. */
public class TicketNotReopenableException extends TicketRuleException {

    public TicketNotReopenableException(String ticketNumber) {
        super("Ticket " + ticketNumber + " was solved longer ago than the reopen window");
    }
}
