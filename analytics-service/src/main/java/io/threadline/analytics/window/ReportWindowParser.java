package io.threadline.analytics.window;

import io.threadline.analytics.AnalyticsConfig;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/** Reads the window query parameters shared by every KPI endpoint; a bad one is a 400 naming it. */
@ApplicationScoped
public class ReportWindowParser {

    private static final int QUARTER_HOUR_SECONDS = 15 * 60;

    /** The defaults and limits of a window, from the service's configuration. */
    public record Settings(ZoneId defaultZone, Duration defaultRange, Duration maxRange, Duration maxHourlyRange) {
    }

    private final Settings config;

    @Inject
    public ReportWindowParser(AnalyticsConfig config) {
        this(new Settings(config.defaultZone(), config.defaultRange(), config.maxRange(), config.maxHourlyRange()));
    }

    public ReportWindowParser(Settings settings) {
        this.config = settings;
    }

    /**
     * Blank or null parameters take their defaults: the last default-range up to now, the default zone, days. The
     * window returned starts and ends on whole quarter hours (from rounded down, to rounded up).
     */
    public ReportWindow parse(String from, String to, String zone, String interval, Instant now) {
        ZoneId zoneId = isBlank(zone) ? config.defaultZone() : zone(zone);
        Interval width = isBlank(interval) ? Interval.DAY : Interval.byWireName(interval.trim())
                .orElseThrow(() -> ProblemException.invalidField("interval", "must be one of hour, day, week"));
        // The KPIs are kept per quarter hour: the window widens to whole quarter hours.
        Instant end = ceilToQuarter(isBlank(to) ? now : instant("to", to));
        Instant start = isBlank(from) ? end.minus(config.defaultRange()) : floorToQuarter(instant("from", from));
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("from", "must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(config.maxRange()) > 0) {
            throw ProblemException.invalidField("from", "must be at most " + config.maxRange().toDays()
                    + " days before to (" + end + ")");
        }
        if (width == Interval.HOUR && Duration.between(start, end).compareTo(config.maxHourlyRange()) > 0) {
            throw ProblemException.invalidField("interval", "hour buckets cover at most "
                    + config.maxHourlyRange().toDays() + " days; use day or week for a longer range");
        }
        if (!onQuarterHours(zoneId.getRules(), start, end)) {
            throw ProblemException.invalidField("zone", "offsets that are not whole quarter hours are not supported");
        }
        return new ReportWindow(start, end, zoneId, width);
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name.trim());
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("zone", "unknown time zone '" + name
                    + "'; use an IANA name such as Europe/Paris or an offset such as +01:00");
        }
    }

    private static Instant instant(String field, String value) {
        // An unencoded '+' of an offset arrives as a space after URL decoding.
        String text = value.trim().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field,
                    "'" + value + "' is not an ISO-8601 date-time with offset, such as 2026-11-01T00:00:00Z");
        }
    }

    /** Buckets are assembled from UTC quarter hours, which only works if every offset in the window is a multiple. */
    private static boolean onQuarterHours(ZoneRules rules, Instant start, Instant end) {
        if (rules.getOffset(start).getTotalSeconds() % QUARTER_HOUR_SECONDS != 0) {
            return false;
        }
        for (ZoneOffsetTransition t = rules.nextTransition(start); t != null && t.getInstant().isBefore(end);
             t = rules.nextTransition(t.getInstant())) {
            if (t.getOffsetAfter().getTotalSeconds() % QUARTER_HOUR_SECONDS != 0
                    || t.getInstant().getEpochSecond() % QUARTER_HOUR_SECONDS != 0) {
                return false;
            }
        }
        return true;
    }

    private static Instant floorToQuarter(Instant instant) {
        long seconds = instant.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, QUARTER_HOUR_SECONDS));
    }

    private static Instant ceilToQuarter(Instant instant) {
        Instant floor = floorToQuarter(instant);
        return floor.equals(instant) ? floor : floor.plusSeconds(QUARTER_HOUR_SECONDS);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
