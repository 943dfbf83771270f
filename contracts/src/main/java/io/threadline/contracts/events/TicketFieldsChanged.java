package io.threadline.contracts.events;

import java.util.Map;

/** The ticket's custom fields changed; {@code fields} holds every field afterwards. */
public record TicketFieldsChanged(
        String ticketId,
        String ticketNumber,
        Map<String, String> fields,
        String changedBy) {
}
