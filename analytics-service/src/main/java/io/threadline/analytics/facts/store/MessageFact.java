package io.threadline.analytics.facts.store;

import java.time.Instant;

/** One inbound customer message on a ticket, counted once however often its event is delivered. */
public record MessageFact(String messageId, String ticketId, String channel, Instant receivedAt) {
}
