package io.threadline.history.timeline.store;

import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.history.TicketScript;
import io.threadline.history.customer.store.CustomerGroup;
import io.threadline.history.customer.store.CustomerGroups;
import io.threadline.history.projection.BatchProjection;
import io.threadline.history.projection.DecodedEvent;
import io.threadline.history.projection.EventDecoder;
import io.threadline.history.projection.ProjectionCopy;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.testsupport.StandInMongo;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages read in lookups sized to what the page still lacks give exactly the entries of the whole timeline in order,
 * in both directions, with and without filters, over days holding none, few or many entries.
 */
@ExtendWith(StandInMongo.class)
class TimelineReaderTest {

    private static final Instant T0 = Instant.parse("2025-01-01T08:00:00Z");

    private final TimelineReader reader = new TimelineReader();
    private ProjectionCopy copy;
    private List<TimelineEntry> whole;

    @BeforeEach
    void aTimelineOverManyDays(MongoDatabase database) {
        copy = new ProjectionCopy(database, 1);
        copy.createIndexes();
        // Tickets on irregular days: some days empty, some with one entry, a few with hundreds (two busy tickets on
        // the same day interleave), and notes rare enough that a page of them spans many lookups.
        Random random = new Random(7);
        List<IntegrationEvent> events = new ArrayList<>();
        Instant day = T0;
        for (int t = 0; t < 40; t++) {
            day = day.plus(Duration.ofDays(random.nextInt(3)));
            int messages = t % 13 == 5 ? 300 : random.nextInt(8);
            TicketScript ticket = new TicketScript("c-1", "t-" + t, "TL-" + t, t % 2 == 0 ? "email" : "sms", day);
            events.add(ticket.opened("Ticket " + t));
            for (int m = 0; m < messages; m++) {
                events.add(m % 37 == 3 ? ticket.note("note " + t + "/" + m)
                        : ticket.message("alice@example.com", "Alice", "message " + t + "/" + m));
            }
        }
        Collections.shuffle(events, random);
        EventDecoder decoder = new EventDecoder(ContractJson.newMapper());
        List<DecodedEvent> decoded = events.stream().map(e -> decoder.decode(e).orElseThrow()).toList();
        BatchProjection projection = new BatchProjection();
        for (int from = 0; from < decoded.size(); from += 250) {
            projection.project(copy, decoded.subList(from, Math.min(decoded.size(), from + 250)));
        }
        // The expected timeline straight from the collection, not through the reader.
        whole = new ArrayList<>();
        copy.entries().find().forEach(doc -> whole.add(EntryDocuments.toEntry(doc)));
        whole.sort(TimelinePosition.ORDER);
        assertThat(whole).hasSize(events.size());
    }

    @Test
    void pagesForwardAndBackwardCoverTheWholeTimelineInOrder() {
        for (int limit : List.of(7, 50, 200)) {
            assertThat(walk(true, limit, Set.of())).as("forward, limit %d", limit).isEqualTo(whole);
            assertThat(walk(false, limit, Set.of())).as("backward, limit %d", limit).isEqualTo(whole);
        }
    }

    @Test
    void aFilterThatMatchesLittleStillFillsItsPagesInOrder() {
        List<TimelineEntry> notes = whole.stream().filter(e -> e.type() == TimelineEntry.Type.NOTE).toList();
        assertThat(notes).hasSizeGreaterThan(5);
        assertThat(walk(true, 3, Set.of(TimelineEntry.Type.NOTE))).isEqualTo(notes);
        assertThat(walk(false, 3, Set.of(TimelineEntry.Type.NOTE))).isEqualTo(notes);
    }

    /** Follows the pages from one end to the other; returns every entry read, oldest first. */
    private List<TimelineEntry> walk(boolean forward, int limit, Set<TimelineEntry.Type> types) {
        List<TimelineEntry> seen = new ArrayList<>();
        TimelinePosition position = null;
        while (true) {
            List<TimelineEntry> read = reader.read(group(), query(forward, position, limit, types));
            assertThat(read).isSortedAccordingTo(TimelinePosition.ORDER).hasSizeLessThanOrEqualTo(limit + 1);
            boolean more = read.size() > limit;
            List<TimelineEntry> page = !more ? read : forward ? read.subList(0, limit) : read.subList(1, read.size());
            if (forward) {
                seen.addAll(page);
            } else {
                seen.addAll(0, page);
            }
            if (!more) {
                return seen;
            }
            position = TimelinePosition.of(forward ? page.get(page.size() - 1) : page.get(0));
        }
    }

    private CustomerGroup group() {
        return CustomerGroups.of(copy, "c-1");
    }

    private static TimelineQuery query(boolean forward, TimelinePosition position, int limit,
                                       Set<TimelineEntry.Type> types) {
        return new TimelineQuery(forward, position, limit, types, Set.of(), null, null, null);
    }
}
