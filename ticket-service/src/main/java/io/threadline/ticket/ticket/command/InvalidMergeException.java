package io.threadline.ticket.ticket.command;

/** A merge the rules refuse: a ticket into itself, or into a closed ticket. */
public class InvalidMergeException extends TicketRuleException {

    public InvalidMergeException(String reason) {
        super(reason);
    }
}
