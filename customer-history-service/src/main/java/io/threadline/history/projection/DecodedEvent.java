package io.threadline.history.projection;

import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.history.timeline.TimelineEntry;

/**
 * An event ready to project: its envelope (without the payload's JSON tree), its payload record and the timeline entry
 * it makes (or null).
 */
public record DecodedEvent(IntegrationEvent event, Object payload, TimelineEntry entry) {
}
