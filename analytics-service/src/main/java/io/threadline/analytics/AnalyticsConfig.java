package io.threadline.analytics;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.time.ZoneId;

/** Typed settings of the analytics service ({@code threadline.analytics.*}). */
@ConfigMapping(prefix = "threadline.analytics")
public interface AnalyticsConfig {

    /** Zone of the hour, day and week buckets when a request names none. */
    ZoneId defaultZone();

    /** How far back a report reaches when a request gives no {@code from}. */
    Duration defaultRange();

    /** The widest {@code from}-{@code to} span one request may ask for: it bounds the work of one request. */
    Duration maxRange();
}
