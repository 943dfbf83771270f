package io.threadline.ticket.ticket.api;

import org.axonframework.serialization.Revision;

import java.util.Map;

/** The ticket's custom fields changed; {@code fields} holds every field afterwards. */
@Revision("1")
public record TicketFieldsChangedEvent(String ticketId, String ticketNumber, String customerId,
                                       Map<String, String> fields, String changedBy) {
}
