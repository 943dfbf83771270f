package io.threadline.contracts.events;

/** Which rule decided the ticket an inbound message joined, in the order the rules are tried. */
public enum ThreadingRule {
    /** Email In-Reply-To/References, a ticket token in the subject, a chat session or social conversation. */
    EXPLICIT_REFERENCE,
    /** The customer's open ticket in the configured scope. */
    OPEN_TICKET,
    /** A ticket solved within the reopen window, reopened. */
    REOPENED,
    /** None matched: a new ticket. */
    NEW_TICKET
}
