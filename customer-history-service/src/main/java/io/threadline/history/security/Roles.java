package io.threadline.history.security;

/** The roles of a bearer token ({@code groups} claim), the same as ticket-service's, plus the gateway's. */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    /** A Threadline service acting for customers: channel-gateway replaying a conversation into a channel. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
