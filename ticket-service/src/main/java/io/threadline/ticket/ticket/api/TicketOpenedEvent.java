package io.threadline.ticket.ticket.api;

import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A ticket was opened by a customer's first message. Revision 2: a follow-up of a CLOSED ticket names it
 * (revision 1 events are upcast as no follow-up).
 */
@Revision("2")
public record TicketOpenedEvent(String ticketId, String ticketNumber, String customerId, String channel,
                                @PersonalData String subject, Instant openedAt, String followUpOfTicketId,
                                String followUpOfTicketNumber) {
}
