package io.threadline.ticket.ticket.api;

import io.threadline.contracts.outbound.DeliveryStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a delivery receipt of one of the ticket's replies. */
public record RecordDeliveryCommand(@TargetAggregateIdentifier String ticketId, String outboundId,
                                    DeliveryStatus status, String providerMessageId, String error) {
}
