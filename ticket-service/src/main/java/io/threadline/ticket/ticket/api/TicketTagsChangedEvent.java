package io.threadline.ticket.ticket.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The ticket's tags changed; {@code tags} is the whole set afterwards, sorted. */
@Revision("1")
public record TicketTagsChangedEvent(String ticketId, String ticketNumber, String customerId, List<String> tags,
                                     List<String> added, List<String> removed, String changedBy) {
}
