package io.threadline.ticket.ticket.command;

/** Nowhere to send a reply: the customer's address is gone (the customer was erased). */
public class NoReplyAddressException extends TicketRuleException {

    public NoReplyAddressException(String ticketNumber) {
        super("Ticket " + ticketNumber + " has no address to reply to: its customer was erased");
    }
}
