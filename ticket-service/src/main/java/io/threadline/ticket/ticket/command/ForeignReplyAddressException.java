package io.threadline.ticket.ticket.command;

/** A reply may go only to an identity of the ticket's customer. */
public class ForeignReplyAddressException extends TicketRuleException {

    public ForeignReplyAddressException(String channel, String address) {
        super(channel + ":" + address + " is not an identity of this ticket's customer");
    }
}
