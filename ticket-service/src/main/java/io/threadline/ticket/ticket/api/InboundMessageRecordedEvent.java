package io.threadline.ticket.ticket.api;

import io.threadline.contracts.events.ThreadingRule;
import org.axonframework.serialization.Revision;

/**
 * A customer's message joined the ticket; {@code threadingRule} records why this ticket.
 * Revision 2: the message carries its thread references (revision 1 events are upcast with none).
 */
@Revision("2")
public record InboundMessageRecordedEvent(String ticketId, String ticketNumber, String customerId,
                                          MessageDetails message, ThreadingRule threadingRule) {
}
