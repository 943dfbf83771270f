package io.threadline.analytics.rebuild;

import io.threadline.contracts.events.IntegrationEvent;

import java.util.List;

/**
 * One page of ticket-service's replay source: events of both aggregate types in event-store order, and the cursor
 * of the next page ({@code null} at the end of what is stored now).
 */
public record ReplayPage(List<IntegrationEvent> events, String nextCursor) {
}
