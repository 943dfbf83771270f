package io.threadline.analytics.kpi.projection;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.threadline.analytics.kpi.model.Cuboid;
import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.query.KpiQuery;
import io.threadline.analytics.kpi.query.KpiReader;
import io.threadline.analytics.kpi.store.BucketStore;
import io.threadline.analytics.kpi.store.ReadModel;
import io.threadline.analytics.window.Interval;
import io.threadline.analytics.window.ReportWindow;
import io.threadline.testsupport.StandInMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filtered query reads only the keys that the key directories of its months list and that match: it gets exactly
 * the numbers of a reader that reads every key of every document and matches them itself. Four weeks of generated
 * history across the turn of October into November 2026.
 */
@ExtendWith(StandInMongo.class)
class KeyDirectoryTest {

    private static final Instant FIRST_DAY = Instant.parse("2026-10-19T00:00:00Z");

    private final KpiReader reader = new KpiReader();
    private final KpiReader reference = KpiReader.reference();

    @Test
    void filteredQueriesGiveTheNumbersOfEveryKey(MongoDatabase db) {
        ReadModel model = ProjectedSample.project(db, FIRST_DAY, 28, 1500);
        List<ReportWindow> windows = List.of(
                new ReportWindow(Instant.parse("2026-10-21T00:00:00Z"), Instant.parse("2026-11-12T00:00:00Z"),
                        ZoneOffset.UTC, Interval.WEEK),
                new ReportWindow(Instant.parse("2026-10-25T22:00:00Z"), Instant.parse("2026-11-08T23:00:00Z"),
                        ZoneId.of("Europe/Paris"), Interval.DAY),
                new ReportWindow(Instant.parse("2026-10-31T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"),
                        ZoneOffset.ofHoursMinutes(5, 30), Interval.HOUR));
        // Each reads the cuboid of all four dimensions but the last two, which read channel and agent, and priority.
        List<Map<Dimension, String>> filters = List.of(
                Map.of(Dimension.CHANNEL, "chat", Dimension.PRIORITY, "HIGH"),
                Map.of(Dimension.CHANNEL, "email", Dimension.GROUP, "billing", Dimension.AGENT, "alice"),
                Map.of(Dimension.GROUP, "tech", Dimension.PRIORITY, "NORMAL"),
                Map.of(Dimension.CHANNEL, "sms"),
                Map.of(Dimension.PRIORITY, "URGENT"));
        List<Optional<Dimension>> breakdowns = List.of(Optional.empty(), Optional.of(Dimension.AGENT),
                Optional.of(Dimension.GROUP));
        int answered = 0;
        for (ReportWindow window : windows) {
            for (Map<Dimension, String> filter : filters) {
                for (Optional<Dimension> by : breakdowns) {
                    KpiQuery query = new KpiQuery(window, filter, by);
                    var expected = reference.read(model, query);
                    assertThat(reader.read(model, query)).as("%s %s by %s", window, filter, by).isEqualTo(expected);
                    answered += expected.points().isEmpty() ? 0 : 1;
                }
            }
        }
        // Every combination but the priority no ticket has finds facts.
        assertThat(answered).isEqualTo(windows.size() * (filters.size() - 1) * breakdowns.size());
    }

    @Test
    void aMonthsDirectoryListsEveryKeyOfItsDays(MongoDatabase db) {
        ReadModel model = ProjectedSample.project(db, FIRST_DAY, 28, 1500);
        Cuboid all = Cuboid.KEPT.get(Cuboid.KEPT.size() - 1);
        for (LocalDate day : List.of(LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-01"))) {
            Document stored = db.getCollection("g1_buckets").find(Filters.eq("_id", BucketStore.dayId(all, day))).first();
            Set<String> keys = stored.get(BucketStore.DAY_TOTALS, Document.class).keySet();
            assertThat(keys).hasSizeGreaterThan(10);
            assertThat(model.buckets().keys(List.of(BucketStore.keysId(all, YearMonth.from(day))))).containsAll(keys);
        }
    }
}
