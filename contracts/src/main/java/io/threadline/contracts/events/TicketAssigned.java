package io.threadline.contracts.events;

/** A ticket's assignee or group changed; an absent {@code assignee} means unassigned. */
public record TicketAssigned(
        String ticketId,
        String ticketNumber,
        String assignee,
        String group,
        String previousAssignee,
        String previousGroup,
        String assignedBy) {
}
