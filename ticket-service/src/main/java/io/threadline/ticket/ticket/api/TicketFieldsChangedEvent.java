package io.threadline.ticket.ticket.api;

import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.Map;

/** The ticket's custom fields changed; {@code fields} holds every field afterwards. */
@Revision("1")
public record TicketFieldsChangedEvent(String ticketId, String ticketNumber, String customerId,
                                       @PersonalData Map<String, String> fields, String changedBy) {
}
