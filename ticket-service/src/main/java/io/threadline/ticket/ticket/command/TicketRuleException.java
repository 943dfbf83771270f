package io.threadline.ticket.ticket.command;

import org.axonframework.common.AxonNonTransientException;

/**
 * A command the ticket's rules refuse. Non-transient for Axon, so the command gateway does not retry it
 * (it retries only failures that may pass, such as a lost race on the aggregate).
 */
public abstract class TicketRuleException extends AxonNonTransientException {

    protected TicketRuleException(String message) {
        super(message);
    }
}
