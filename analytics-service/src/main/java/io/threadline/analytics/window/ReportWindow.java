package io.threadline.analytics.window;

import java.time.Instant;
import java.time.ZoneId;

/** What a KPI request covers: events in [from, to), bucketed by {@code interval} on the clock of {@code zone}. */
public record ReportWindow(Instant from, Instant to, ZoneId zone, Interval interval) {
}
