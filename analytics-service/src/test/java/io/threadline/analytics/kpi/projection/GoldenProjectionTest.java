package io.threadline.analytics.kpi.projection;

import com.mongodb.client.MongoDatabase;
import io.threadline.analytics.EventFactory;
import io.threadline.analytics.GoldenHistory;
import io.threadline.analytics.kpi.model.Counter;
import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.model.DurationKind;
import io.threadline.analytics.kpi.model.DurationStats;
import io.threadline.analytics.kpi.model.Tally;
import io.threadline.analytics.kpi.query.KpiQuery;
import io.threadline.analytics.kpi.query.KpiReader;
import io.threadline.analytics.kpi.query.KpiSeries;
import io.threadline.analytics.kpi.store.OpenTicketStore;
import io.threadline.analytics.kpi.store.ReadModel;
import io.threadline.analytics.window.Interval;
import io.threadline.analytics.window.ReportWindow;
import io.threadline.contracts.events.AggregateType;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.testsupport.StandInMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The golden history ({@link GoldenHistory}) projected into a MongoDB stand-in, read back through the query
 * engine, and compared with values worked out by hand. Window: [Mon 2 Nov 00:00, Wed 4 Nov 00:00) UTC.
 */
@ExtendWith(StandInMongo.class)
class GoldenProjectionTest {

    private static final BusinessCalendar OFFICE_HOURS = new BusinessCalendar(ZoneOffset.UTC,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
    private static final ReportWindow WINDOW = new ReportWindow(Instant.parse("2026-11-02T00:00:00Z"),
            Instant.parse("2026-11-04T00:00:00Z"), ZoneOffset.UTC, Interval.DAY);
    private static final long MINUTE = 60;

    private final BatchProjection projection = new BatchProjection(Optional.of(OFFICE_HOURS));
    private final KpiReader reader = new KpiReader();

    @Test
    void volumesAreExact(MongoDatabase db) {
        Tally totals = golden(db).totals();

        // Created: A, B, C, D, E = 5 (F opened on the exclusive end of the window).
        assertThat(totals.get(Counter.CREATED)).isEqualTo(5);
        // Customer messages: A, B (Mon), B again (Tue 12:00), C, D, E = 6.
        assertThat(totals.get(Counter.MESSAGES_RECEIVED)).isEqualTo(6);
        // Replies: A 1, B 2, C 2 = 5.
        assertThat(totals.get(Counter.REPLIES)).isEqualTo(5);
        // Solves: A 1, B 2 (solved, reopened, solved), C 1 = 4; reopens: B 1; merges: D into C = 1 (the target's
        // copy of the merge event does not count again).
        assertThat(totals.get(Counter.SOLVED)).isEqualTo(4);
        assertThat(totals.get(Counter.REOPENED)).isEqualTo(1);
        assertThat(totals.get(Counter.MERGED)).isEqualTo(1);
        assertThat(totals.get(Counter.CUSTOMERS_REGISTERED)).isEqualTo(2);
    }

    @Test
    void clocksAreExact(MongoDatabase db) {
        Tally totals = golden(db).totals();

        // First response: C 10, A 30, B 1050 min. Median = 2nd of 3 = 30 min = 1800 s; p90 = rank ceil(2.7) = 3rd
        // = 1050 min = 63000 s; mean = (10 + 30 + 1050) / 3 = 363.333 min = 21800 s.
        assertThat(DurationStats.of(totals, DurationKind.FIRST_RESPONSE))
                .isEqualTo(new DurationStats(3, 30 * MINUTE, 1050 * MINUTE, 21800.0));
        // In business hours: C 10, A 30, B 90 min: median 30 min, p90 90 min, mean 130 / 3 min = 2600 s.
        assertThat(DurationStats.of(totals, DurationKind.FIRST_RESPONSE_BUSINESS))
                .isEqualTo(new DurationStats(3, 30 * MINUTE, 90 * MINUTE, 2600.0));
        // Full resolution, latest solve only (B's first, 1080 min, was taken back when B reopened):
        // C 40, A 60, B 1320 min: median 60 min = 3600 s, p90 1320 min = 79200 s, mean 1420 / 3 min = 28400 s.
        assertThat(DurationStats.of(totals, DurationKind.RESOLUTION))
                .isEqualTo(new DurationStats(3, 60 * MINUTE, 1320 * MINUTE, 28400.0));
        // In business hours: C 40, A 60, B 60 + 300 = 360 min: median 60 min, p90 360 min, mean 460 / 3 min = 9200 s.
        assertThat(DurationStats.of(totals, DurationKind.RESOLUTION_BUSINESS))
                .isEqualTo(new DurationStats(3, 60 * MINUTE, 360 * MINUTE, 9200.0));
    }

    @Test
    void ratesAndSatisfactionAreExact(MongoDatabase db) {
        Tally totals = golden(db).totals();

        // First solves: A, B, C = 3. First-contact resolved: A (one reply); B had one reply but was reopened; C had
        // two replies. So FCR = 1 of 3. Reopened after a solve: B = 1 of 3.
        assertThat(totals.get(Counter.FIRST_SOLVED)).isEqualTo(3);
        assertThat(totals.get(Counter.FIRST_CONTACT_RESOLVED)).isEqualTo(1);
        assertThat(totals.get(Counter.REOPENED_AFTER_SOLVE)).isEqualTo(1);
        // CSAT: A 5 (satisfied), C 2: 2 responses, 1 satisfied. NPS: B's 3 was replaced by 10: 1 promoter, 0 detractors.
        assertThat(totals.get(Counter.CSAT_RESPONSES)).isEqualTo(2);
        assertThat(totals.get(Counter.CSAT_SATISFIED)).isEqualTo(1);
        assertThat(totals.get(Counter.NPS_RESPONSES)).isEqualTo(1);
        assertThat(totals.get(Counter.NPS_PROMOTERS)).isEqualTo(1);
        assertThat(totals.get(Counter.NPS_DETRACTORS)).isZero();
    }

    @Test
    void eachFactLandsOnItsDay(MongoDatabase db) {
        List<KpiSeries.Point> days = golden(db).points();

        assertThat(days).extracting(p -> p.start().toLocalDate().toString()).containsExactly("2026-11-02", "2026-11-03");
        Tally monday = days.get(0).tally();
        Tally tuesday = days.get(1).tally();
        // Monday: A and B created, their two messages, A's reply and solve (first-contact), A's CSAT, one customer.
        assertThat(counts(monday)).isEqualTo(List.of(2L, 2L, 1L, 1L, 0L, 0L, 1L, 1L, 0L, 1L));
        // Tuesday: C, D, E created; B, C, D, E messages; B 2 + C 2 replies; B 2 + C 1 solves; B reopened; D merged;
        // first solves B and C, none first-contact (B's +1 and -1 both land on Tue 10:00); B reopened after its
        // first solve; C's CSAT; one customer.
        assertThat(counts(tuesday)).isEqualTo(List.of(3L, 4L, 4L, 3L, 1L, 1L, 2L, 0L, 1L, 1L));
        // B's first resolution (Tue 10:00) was taken back: Tuesday holds C 40 and B 1320 min only.
        assertThat(DurationStats.of(tuesday, DurationKind.RESOLUTION))
                .isEqualTo(new DurationStats(2, 40 * MINUTE, 1320 * MINUTE, 680 * MINUTE * 1.0));
    }

    @Test
    void filtersSelectTheTicketsDimensionsAtTheTimeOfEachFact(MongoDatabase db) {
        ReadModel model = project(db, GoldenHistory.events("f-", 2026));

        // channel=chat: only B. Created 1, messages 2, replies 2, solves 2, reopened 1, first solves 1, FCR 0,
        // reopened after its first solve 1.
        Tally chat = reader.read(model, query(Map.of(Dimension.CHANNEL, "chat"), null)).totals();
        assertThat(counts(chat)).isEqualTo(List.of(1L, 2L, 2L, 2L, 1L, 0L, 1L, 0L, 1L, 0L));
        // agent=bob: B after 16:10 on Monday. Not its creation nor its first message (before the assignment); its
        // second message, both replies, both solves, the reopen, the first solve; FRT 1050 min, resolution 1320 min.
        Tally bob = reader.read(model, query(Map.of(Dimension.AGENT, "bob"), null)).totals();
        assertThat(counts(bob)).isEqualTo(List.of(0L, 1L, 2L, 2L, 1L, 0L, 1L, 0L, 1L, 0L));
        assertThat(DurationStats.of(bob, DurationKind.FIRST_RESPONSE).medianSeconds()).isEqualTo(1050 * MINUTE);
        assertThat(bob.get(Counter.NPS_PROMOTERS)).isEqualTo(1);
        // group=billing and agent=alice: A after 09:05. Its reply and solve, FCR, CSAT 5; FRT 30 min.
        Tally alice = reader.read(model, query(Map.of(Dimension.GROUP, "billing", Dimension.AGENT, "alice"), null))
                .totals();
        assertThat(counts(alice)).isEqualTo(List.of(0L, 0L, 1L, 1L, 0L, 0L, 1L, 1L, 0L, 1L));
        assertThat(alice.get(Counter.CSAT_SATISFIED)).isEqualTo(1);
    }

    @Test
    void breakdownByPriorityPartitionsTheTotals(MongoDatabase db) {
        ReadModel model = project(db, GoldenHistory.events("p-", 2026));

        KpiSeries byPriority = reader.read(model, query(Map.of(), Dimension.PRIORITY));
        Tally high = new Tally();
        Tally normal = new Tally();
        byPriority.points().forEach(p -> ("HIGH".equals(p.group()) ? high : normal).add(p.tally(), 1));
        // HIGH: B after 16:20 Monday: its second message, 2 replies, 2 solves, the reopen, the first solve and the
        // reopen after it.
        assertThat(counts(high)).isEqualTo(List.of(0L, 1L, 2L, 2L, 1L, 0L, 1L, 0L, 1L, 0L));
        // NORMAL (and customers, which have no priority, under "-"): everything else; HIGH + rest = the totals.
        assertThat(new Tally().add(high, 1).add(normal, 1)).isEqualTo(byPriority.totals());
        assertThat(byPriority.totals()).isEqualTo(reader.read(model, query(Map.of(), null)).totals());
    }

    @Test
    void aRedeliveredBatchChangesNothing(MongoDatabase db) {
        List<IntegrationEvent> history = GoldenHistory.events("r-", 2026);
        ReadModel model = project(db, history);
        List<Object> before = snapshot(model);

        // The same records again (a consumer restarted before committing its offsets)…
        projection.project(model, sourced(history, 0));
        // …and the same events again at new offsets (a producer that published twice).
        projection.project(model, sourced(history, 1000));

        assertThat(snapshot(model)).isEqualTo(before);
    }

    @Test
    void aBatchCutShortAfterTheBucketsIsCompletedExactlyOnItsRedelivery(MongoDatabase db) {
        List<IntegrationEvent> history = GoldenHistory.events("c-", 2026);
        ReadModel model = project(db, history);
        List<Object> expected = snapshot(model);
        // A crash after the bucket writes loses the state writes that follow them.
        db.getCollection("g1_tickets").deleteMany(new Document());
        db.getCollection("g1_customers").deleteMany(new Document());
        db.getCollection("g1_open_tickets").deleteMany(new Document());

        // The process restarted: what the projection remembered between batches is gone too.
        new BatchProjection(Optional.of(OFFICE_HOURS)).project(model, sourced(history, 0));

        assertThat(snapshot(model)).isEqualTo(expected);
    }

    @Test
    void aSourceAnotherInstanceWroteMeanwhileIsReadAgainFromTheStore(MongoDatabase db) {
        EventFactory factory = new EventFactory();
        List<SourcedEvent> opened = sourced(List.of(factory.opened("t-A", "email", "2026-11-02T09:00:00Z")), 0);
        List<SourcedEvent> firstReply = sourced(List.of(factory.reply("t-A", "2026-11-02T09:10:00Z")), 1);
        List<SourcedEvent> secondReply = sourced(List.of(factory.reply("t-A", "2026-11-02T09:40:00Z")), 2);
        ReadModel model = new ReadModel(db, 1);
        BatchProjection other = new BatchProjection(Optional.of(OFFICE_HOURS));

        // This instance sees the opening and remembers the ticket; its partition moves to another instance, which
        // projects the first reply, and comes back for the second.
        projection.project(model, opened);
        other.project(model, firstReply);
        projection.project(model, secondReply);

        // One first response of 10 minutes: the second reply continues from the other instance's state (a
        // remembered state without the first reply would count the second as a first response of 40 minutes).
        Tally totals = reader.read(model, query(Map.of(), null)).totals();
        assertThat(totals.get(Counter.REPLIES)).isEqualTo(2);
        assertThat(DurationStats.of(totals, DurationKind.FIRST_RESPONSE))
                .isEqualTo(new DurationStats(1, 10 * MINUTE, 10 * MINUTE, 10.0 * MINUTE));
    }

    @Test
    void batchesCutAnywhereAndOverlappingGiveTheSameNumbers(MongoDatabase db) {
        List<IntegrationEvent> history = GoldenHistory.events("m-", 2026);
        List<Object> expected = snapshot(project(db, history));
        List<SourcedEvent> all = sourced(history, 0);
        int half = all.size() / 2;
        ReadModel copy = new ReadModel(db, 2);

        // The first half, then a redelivery overlapping it (taken record by record against the buckets' positions),
        // then the rest above the marks.
        projection.project(copy, all.subList(0, half));
        projection.project(copy, all.subList(half / 2, half + 3));
        projection.project(copy, all.subList(half + 3, all.size()));

        assertThat(snapshot(copy)).isEqualTo(expected);
    }

    @Test
    void histogramBinsOfADayAreKeptApartAndReadOnlyWhenAsked(MongoDatabase db) {
        ReadModel model = project(db, GoldenHistory.events("h-", 2026));
        Document day = db.getCollection("g1_buckets").find(new Document("_id", "all|2026-11-03")).first();
        Document bins = db.getCollection("g1_buckets").find(new Document("_id", "all|2026-11-03|h")).first();

        // The day document holds the counts and sums, the bins document only the bins (both under t.<key>, one
        // field per counter: frt_h_42).
        assertThat(day.get("t", Document.class).get("*", Document.class).keySet())
                .contains("created", "frt_n", "frt_s").noneMatch(field -> field.contains("_h_"));
        assertThat(bins.get("t", Document.class).get("*", Document.class).keySet())
                .isNotEmpty().allMatch(field -> field.matches("(frt|frtB|res|resB)_h_\\d+"));
        // Without the bins, the same counters but the bins.
        Tally all = reader.read(model, query(Map.of(), null), true).totals();
        Tally counts = reader.read(model, query(Map.of(), null), false).totals();
        Tally expected = new Tally();
        all.forEach((counter, amount) -> expected.add(counter, DurationKind.isBin(counter) ? 0 : amount));
        assertThat(counts).isEqualTo(expected);
        assertThat(counts.asMap()).hasSizeLessThan(all.asMap().size());
    }

    @Test
    void theBacklogHoldsTheUnansweredOpenTicket(MongoDatabase db) {
        ReadModel model = project(db, GoldenHistory.events("b-", 2026));

        // A, B, C solved, D merged and closed; E is NEW and unanswered since Tue 11:00. F is NEW too, no message.
        assertThat(model.openTickets().all()).extracting(OpenTicketStore.OpenTicket::ticketId,
                        OpenTicketStore.OpenTicket::status, OpenTicketStore.OpenTicket::awaitingReplySince)
                .containsExactlyInAnyOrder(
                        tuple("b-E", TicketStatus.NEW, Instant.parse("2026-11-03T11:00:00Z")),
                        tuple("b-F", TicketStatus.NEW, null));
    }

    @Test
    void erasureKeepsTheCountsAndTimingsAndNoPersonalDataIsStored(MongoDatabase db) {
        List<IntegrationEvent> history = new ArrayList<>(GoldenHistory.events("e-", 2026));
        ReadModel model = project(db, history);
        List<Object> before = snapshot(model);

        String customer = EventFactory.customer("e-A");
        EventFactory later = new EventFactory();
        later.customerRegistered(customer, "email", "2026-11-02T09:00:00Z"); // sequence 0 is in the history already
        IntegrationEvent erased = later.customerErased(customer, "2026-11-05T00:00:00Z");
        projection.project(model, sourced(List.of(erased), 5000));

        assertThat(snapshot(model)).isEqualTo(before);
        for (String name : db.listCollectionNames()) {
            for (Document doc : db.getCollection(name).find()) {
                assertThat(doc.toJson()).as(name).doesNotContain("Alice", "alice@example.com", "mug", "Order #4411",
                        "thanks");
            }
        }
    }

    private KpiSeries golden(MongoDatabase db) {
        return reader.read(project(db, GoldenHistory.events("g-", 2026)), query(Map.of(), null));
    }

    private ReadModel project(MongoDatabase db, List<IntegrationEvent> events) {
        ReadModel model = new ReadModel(db, 1);
        BatchResult result = projection.project(model, sourced(events, 0));
        assertThat(result.rejected()).isEmpty();
        return model;
    }

    /** Ticket and customer events as their two topics deliver them, at offsets from {@code firstOffset}. */
    private static List<SourcedEvent> sourced(List<IntegrationEvent> events, long firstOffset) {
        List<SourcedEvent> sourced = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            IntegrationEvent event = events.get(i);
            String topic = AggregateType.CUSTOMER.equals(event.aggregateType()) ? "customer.events-0" : "ticket.events-0";
            sourced.add(new SourcedEvent(topic, firstOffset + i, event,
                    event.payloadAs(EventFactory.JSON).orElseThrow()));
        }
        return sourced;
    }

    private static KpiQuery query(Map<Dimension, String> filters, Dimension by) {
        return new KpiQuery(WINDOW, filters, Optional.ofNullable(by));
    }

    /** created, received, replies, solved, reopened, merged, firstSolved, fcr, reopenedAfterSolve, customers+csat. */
    private static List<Long> counts(Tally t) {
        return List.of(t.get(Counter.CREATED), t.get(Counter.MESSAGES_RECEIVED), t.get(Counter.REPLIES),
                t.get(Counter.SOLVED), t.get(Counter.REOPENED), t.get(Counter.MERGED), t.get(Counter.FIRST_SOLVED),
                t.get(Counter.FIRST_CONTACT_RESOLVED), t.get(Counter.REOPENED_AFTER_SOLVE),
                t.get(Counter.CSAT_RESPONSES));
    }

    private List<Object> snapshot(ReadModel model) {
        List<Object> views = new ArrayList<>();
        views.add(reader.read(model, query(Map.of(), null)));
        views.add(reader.read(model, query(Map.of(), Dimension.AGENT)));
        views.add(reader.read(model, query(Map.of(Dimension.CHANNEL, "chat"), Dimension.PRIORITY)));
        views.add(new HashSet<>(model.openTickets().all()));
        return views;
    }
}
