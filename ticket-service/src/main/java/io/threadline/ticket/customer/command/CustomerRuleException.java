package io.threadline.ticket.customer.command;

import org.axonframework.common.AxonNonTransientException;

/** A command the customer's rules refuse (not retried: it would be refused again). */
public class CustomerRuleException extends AxonNonTransientException {

    private final String field;

    public CustomerRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the refusal is about. */
    public String field() {
        return field;
    }
}
