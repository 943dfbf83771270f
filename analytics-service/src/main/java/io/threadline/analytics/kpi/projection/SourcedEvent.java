package io.threadline.analytics.kpi.projection;

import io.threadline.contracts.events.IntegrationEvent;

/**
 * An event with where it was read: {@code source} (a topic partition, or the replay) and its position there,
 * increasing within the source. The position lets each stored aggregate skip what it already holds.
 */
public record SourcedEvent(String source, long position, IntegrationEvent event, Object payload) {
}
