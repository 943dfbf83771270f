package io.threadline.history.timeline.store;

import io.threadline.history.timeline.TimelineEntry;

import java.time.Instant;
import java.util.Set;

/**
 * Which entries a page holds: those matching the filters (empty sets and nulls match everything), strictly after
 * (forward) or before (backward) {@code position} when given, at most {@code limit}.
 *
 * @param ticket a ticket id or number
 * @param since  inclusive
 * @param until  exclusive
 */
public record TimelineQuery(boolean forward, TimelinePosition position, int limit, Set<TimelineEntry.Type> types,
                            Set<String> channels, String ticket, Instant since, Instant until) {

    public boolean matches(TimelineEntry e) {
        return (types.isEmpty() || types.contains(e.type()))
                && (channels.isEmpty() || channels.contains(e.channel()))
                && (ticket == null || ticket.equals(e.ticketId()) || ticket.equals(e.ticketNumber()))
                && (since == null || !e.occurredAt().isBefore(since))
                && (until == null || e.occurredAt().isBefore(until))
                && (position == null || (forward ? TimelinePosition.of(e).compareTo(position) > 0
                : TimelinePosition.of(e).compareTo(position) < 0));
    }
}
