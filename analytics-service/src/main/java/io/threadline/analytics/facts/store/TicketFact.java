package io.threadline.analytics.facts.store;

import java.time.Instant;

/** A ticket as the KPIs need it: where it came from and when it was opened. */
public record TicketFact(String ticketId, String channel, String customerId, Instant openedAt) {
}
