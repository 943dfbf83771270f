package io.threadline.analytics.security;

/** The roles of a bearer token ({@code groups} claim), as ticket-service issues and checks them. */
public final class Roles {

    /** Rebuilds of the read model are an operator's job. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
