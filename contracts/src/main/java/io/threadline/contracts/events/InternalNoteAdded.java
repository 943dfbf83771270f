package io.threadline.contracts.events;

/**
 * An agent's internal note on a ticket. Internal: never sent to the customer and never shown in a
 * customer-facing view.
 */
public record InternalNoteAdded(
        String ticketId,
        String ticketNumber,
        String noteId,
        String author,
        String body) {
}
