package io.threadline.ticket.ticket.api;

import io.threadline.contracts.outbound.DeliveryStatus;
import org.axonframework.serialization.Revision;

/** What the channel reported of a reply: sent, delivered, or failed with the reason. */
@Revision("1")
public record ReplyDeliveryUpdatedEvent(String ticketId, String ticketNumber, String customerId, String outboundId,
                                        DeliveryStatus status, String providerMessageId, String error) {
}
