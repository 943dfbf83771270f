package io.threadline.contracts.events;

/** How urgent a ticket is; a new ticket is NORMAL. */
public enum TicketPriority {
    LOW, NORMAL, HIGH, URGENT
}
