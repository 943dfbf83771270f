package io.threadline.ticket.customer.api;

import org.axonframework.serialization.Revision;

/** The customer's personal data was erased: its key is destroyed, so its sealed data reads as absent. */
@Revision("1")
public record CustomerErasedEvent(String customerId, String erasedBy) {
}
