package io.threadline.contracts.events;

/**
 * Where a ticket stands. PENDING waits on the customer, ON_HOLD on a third party; CLOSED is final (a later
 * message opens a new ticket).
 */
public enum TicketStatus {
    NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED
}
