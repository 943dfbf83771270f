package io.threadline.ticket.ticket.api;

import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * An agent's reply, to be delivered on {@code channel} to {@code recipient}: the relay publishes it to
 * {@code channel.outbound} as the outbound message {@code outboundId}. Revision 2: {@code thread} answers into the
 * customer's conversation (email Message-ID, In-Reply-To and References; chat session; social conversation);
 * revision 1 events are upcast with none.
 */
@Revision("2")
public record ReplyRequestedEvent(String ticketId, String ticketNumber, String customerId, String outboundId,
                                  String author, String channel, @PersonalData String recipient,
                                  @PersonalData String subject, @PersonalData String text,
                                  ThreadReferences thread) {
}
