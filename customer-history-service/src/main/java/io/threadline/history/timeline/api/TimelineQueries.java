package io.threadline.history.timeline.api;

import io.threadline.history.HistoryConfig;
import io.threadline.history.customer.store.CustomerGroup;
import io.threadline.history.customer.store.CustomerGroups;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.store.TimelinePosition;
import io.threadline.history.timeline.store.TimelineQuery;
import io.threadline.history.timeline.store.TimelineReader;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks a client's page parameters and reads the page; bad parameters are 400 problems naming the field. */
@ApplicationScoped
public class TimelineQueries {

    /** A page read: the group it came from, its entries oldest first, and the cursors around it. */
    public record Page(CustomerGroup group, List<TimelineEntry> entries, String nextCursor, String previousCursor) {
    }

    /** The raw query parameters; all optional. */
    public record Parameters(String limit, String cursor, String start, String type, String channel, String ticket,
                             String since, String until) {

        public static Parameters paging(String limit, String cursor, String start) {
            return new Parameters(limit, cursor, start, null, null, null, null, null);
        }
    }

    private final CustomerGroups groups;
    private final TimelineReader reader;
    private final HistoryConfig.Timeline config;

    public TimelineQueries(CustomerGroups groups, TimelineReader reader, HistoryConfig config) {
        this.groups = groups;
        this.reader = reader;
        this.config = config.timeline();
    }

    /** A page of the customer's timeline; {@code onlyTypes} narrows it further (empty: no narrowing). */
    public Page page(String customerId, Parameters p, Set<TimelineEntry.Type> onlyTypes) {
        int limit = limit(p.limit());
        TimelineCursor.Decoded cursor = p.cursor() == null || p.cursor().isEmpty() ? null : cursor(p.cursor());
        boolean fromNewest = start(p.start());
        boolean forward = cursor != null ? cursor.forward() : !fromNewest;
        Set<TimelineEntry.Type> types = EnumSet.noneOf(TimelineEntry.Type.class);
        types.addAll(types(p.type()));
        if (!onlyTypes.isEmpty()) {
            types = types.isEmpty() ? EnumSet.copyOf(onlyTypes) : intersect(types, onlyTypes);
            if (types.isEmpty()) {
                throw ProblemException.invalidField("type", "names no type this view shows");
            }
        }
        TimelineQuery query = new TimelineQuery(forward, cursor == null ? null : cursor.position(), limit, types,
                channels(p.channel()), blankToNull(p.ticket()), instant("since", p.since()), instant("until", p.until()));

        CustomerGroup group = groups.of(customerId);
        if (!group.known()) {
            throw ProblemException.notFound("No customer " + customerId);
        }
        List<TimelineEntry> read = reader.read(group, query);
        boolean more = read.size() > limit;
        List<TimelineEntry> entries = !more ? read : forward ? read.subList(0, limit) : read.subList(1, read.size());
        String next = null;
        String previous = null;
        if (!entries.isEmpty()) {
            TimelinePosition first = TimelinePosition.of(entries.get(0));
            TimelinePosition last = TimelinePosition.of(entries.get(entries.size() - 1));
            // Beyond the far end of the reading direction lies more only if more was read; behind the start lies
            // at least the cursor's own entry.
            if (forward) {
                next = more ? TimelineCursor.next(last) : null;
                previous = cursor != null ? TimelineCursor.previous(first) : null;
            } else {
                previous = more ? TimelineCursor.previous(first) : null;
                next = cursor != null ? TimelineCursor.next(last) : null;
            }
        }
        return new Page(group, List.copyOf(entries), next, previous);
    }

    /** Taken as text so that "abc" is a 400 naming the field, not JAX-RS's 404 for unconvertible query params. */
    private int limit(String value) {
        if (value == null || value.isBlank()) {
            return config.defaultPageSize();
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= config.maxPageSize()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + config.maxPageSize());
    }

    private static TimelineCursor.Decoded cursor(String cursor) {
        try {
            return TimelineCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor returned by this API; "
                    + "pass nextCursor or previousCursor of a page unchanged");
        }
    }

    private static boolean start(String value) {
        if (value == null || value.isBlank() || value.equals("oldest")) {
            return false;
        }
        if (value.equals("newest")) {
            return true;
        }
        throw ProblemException.invalidField("start", "must be oldest or newest");
    }

    private static Set<TimelineEntry.Type> types(String value) {
        Set<TimelineEntry.Type> types = EnumSet.noneOf(TimelineEntry.Type.class);
        for (String name : list(value)) {
            try {
                types.add(TimelineEntry.Type.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("type", "'" + name + "' is not one of "
                        + List.of(TimelineEntry.Type.values()));
            }
        }
        return types;
    }

    private static Set<String> channels(String value) {
        return list(value);
    }

    private static Set<TimelineEntry.Type> intersect(Set<TimelineEntry.Type> a, Set<TimelineEntry.Type> b) {
        Set<TimelineEntry.Type> both = EnumSet.copyOf(a);
        both.retainAll(b);
        return both;
    }

    private static Set<String> list(String value) {
        Set<String> items = new LinkedHashSet<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a UTC ISO-8601 instant such as 2025-03-02T09:14:05Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
