package io.threadline.history.timeline.api;

import io.threadline.history.HistoryConfig;
import io.threadline.history.customer.KnownCustomers;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.store.TimelinePosition;
import io.threadline.history.timeline.store.TimelineStore;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads pages of a customer's timeline, checking the client's {@code limit} and {@code cursor}. */
@ApplicationScoped
public class TimelineQueries {

    private final TimelineStore timeline;
    private final KnownCustomers knownCustomers;
    private final HistoryConfig.Timeline config;

    public TimelineQueries(TimelineStore timeline, KnownCustomers knownCustomers, HistoryConfig config) {
        this.timeline = timeline;
        this.knownCustomers = knownCustomers;
        this.config = config.timeline();
    }

    public TimelinePage page(String customerId, String limitParam, String cursorParam) {
        int limit = limit(limitParam);
        TimelinePosition after = cursorParam == null || cursorParam.isEmpty() ? null : position(cursorParam);
        // One more than asked tells whether another page follows, without a count.
        List<TimelineEntry> read = timeline.read(customerId, after, limit + 1);
        if (read.isEmpty() && !knownCustomers.isKnown(customerId)) {
            throw ProblemException.notFound("No customer " + customerId);
        }
        List<TimelineEntry> entries = read.size() > limit ? read.subList(0, limit) : read;
        String nextCursor = null;
        if (read.size() > limit) {
            TimelineEntry last = entries.get(entries.size() - 1);
            nextCursor = TimelineCursor.encode(new TimelinePosition(last.occurredAt(), last.entryId()));
        }
        return new TimelinePage(customerId, List.copyOf(entries), nextCursor);
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

    private static TimelinePosition position(String cursor) {
        try {
            return TimelineCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor returned by this API; "
                    + "pass nextCursor of the previous page unchanged");
        }
    }
}
