package io.threadline.ticket.customer.command;

import org.axonframework.common.AxonNonTransientException;

/** If-Match named another version than the customer's current one. */
public class CustomerVersionConflictException extends AxonNonTransientException {

    private final long currentVersion;

    public CustomerVersionConflictException(long expected, long current) {
        super("Customer is at version " + current + ", not " + expected);
        this.currentVersion = current;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
