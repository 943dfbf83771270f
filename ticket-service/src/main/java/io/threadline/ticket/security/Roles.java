package io.threadline.ticket.security;

/** The roles of an agent's bearer token ({@code groups} claim). */
public final class Roles {

    /** Reads and works tickets. */
    public static final String AGENT = "agent";
    /** An agent who also reassigns tickets assigned to others. */
    public static final String SUPERVISOR = "supervisor";
    /** Everything. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
