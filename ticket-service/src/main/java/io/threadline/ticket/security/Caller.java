package io.threadline.ticket.security;

import io.quarkus.security.identity.SecurityIdentity;

/** Who sends a request: the token's principal name, and whether they may take tickets from other agents. */
public record Caller(String name, boolean maySupervise) {

    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.getPrincipal().getName(),
                identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.ADMIN));
    }
}
