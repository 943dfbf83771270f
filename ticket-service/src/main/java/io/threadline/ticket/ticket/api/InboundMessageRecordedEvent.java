package io.threadline.ticket.ticket.api;

import io.threadline.contracts.events.ThreadingRule;
import org.axonframework.serialization.Revision;

/** A customer's message joined the ticket; {@code threadingRule} records why this ticket. */
@Revision("1")
public record InboundMessageRecordedEvent(String ticketId, String ticketNumber, String customerId,
                                          MessageDetails message, ThreadingRule threadingRule) {
}
