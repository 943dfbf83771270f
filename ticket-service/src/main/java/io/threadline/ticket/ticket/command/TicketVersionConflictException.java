package io.threadline.ticket.ticket.command;

/** The caller worked on another version of the ticket than the current one (If-Match). */
public class TicketVersionConflictException extends TicketRuleException {

    private final long currentVersion;

    public TicketVersionConflictException(long expectedVersion, long currentVersion) {
        super("The ticket is at version " + currentVersion + ", not " + expectedVersion
                + "; reload it and try again");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
