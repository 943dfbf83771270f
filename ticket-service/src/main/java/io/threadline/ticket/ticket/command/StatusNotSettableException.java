package io.threadline.ticket.ticket.command;

import io.threadline.contracts.events.TicketStatus;

/** NEW is where a ticket starts; no agent sets it. */
public class StatusNotSettableException extends TicketRuleException {

    public StatusNotSettableException(TicketStatus status) {
        super("An agent cannot set a ticket to " + status);
    }
}
