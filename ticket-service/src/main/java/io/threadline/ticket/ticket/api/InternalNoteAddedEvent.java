package io.threadline.ticket.ticket.api;

import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A note for colleagues. Never leaves: the relay maps it to no outbound message. */
@Revision("1")
public record InternalNoteAddedEvent(String ticketId, String ticketNumber, String customerId, String noteId,
                                     String author, @PersonalData String body) {
}
