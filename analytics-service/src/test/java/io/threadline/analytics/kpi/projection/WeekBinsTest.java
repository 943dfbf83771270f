package io.threadline.analytics.kpi.projection;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.model.DurationKind;
import io.threadline.analytics.kpi.model.DurationStats;
import io.threadline.analytics.kpi.query.KpiQuery;
import io.threadline.analytics.kpi.query.KpiReader;
import io.threadline.analytics.kpi.query.KpiSeries;
import io.threadline.analytics.kpi.store.ReadModel;
import io.threadline.analytics.window.Interval;
import io.threadline.analytics.window.ReportWindow;
import io.threadline.testsupport.StandInMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bins of a UTC week are the sum of its seven days' bins: a query whose buckets hold whole UTC weeks reads the
 * week documents and gets exactly the numbers of one that adds up the days (and reads every key whole). Four weeks of
 * generated history, from Monday 2 November 2026.
 */
@ExtendWith(StandInMongo.class)
class WeekBinsTest {

    private static final Instant FIRST_MONDAY = Instant.parse("2026-11-02T00:00:00Z");
    private static final Instant FOUR_WEEKS_LATER = Instant.parse("2026-11-30T00:00:00Z");

    private final KpiReader reader = new KpiReader();
    private final KpiReader reference = KpiReader.reference();

    @Test
    void weekDocumentsGiveTheNumbersOfTheirDays(MongoDatabase db) {
        ReadModel model = project(db);
        // Windows that start and end inside weeks (edge buckets read days, the inner ones weeks), in UTC, in a zone
        // whose weeks are UTC days plus and minus quarter hours (Paris), and one whose weeks are not UTC weeks at all.
        List<ReportWindow> windows = List.of(
                new ReportWindow(Instant.parse("2026-10-29T00:00:00Z"), Instant.parse("2026-12-03T00:00:00Z"),
                        ZoneOffset.UTC, Interval.WEEK),
                new ReportWindow(FIRST_MONDAY, FOUR_WEEKS_LATER, ZoneOffset.UTC, Interval.DAY),
                new ReportWindow(Instant.parse("2026-10-28T23:00:00Z"), Instant.parse("2026-12-02T23:00:00Z"),
                        ZoneId.of("Europe/Paris"), Interval.WEEK),
                new ReportWindow(Instant.parse("2026-10-28T18:30:00Z"), Instant.parse("2026-12-02T18:30:00Z"),
                        ZoneOffset.ofHoursMinutes(5, 30), Interval.WEEK));
        List<Map<Dimension, String>> filters = List.of(Map.of(), Map.of(Dimension.CHANNEL, "chat"),
                Map.of(Dimension.CHANNEL, "chat", Dimension.PRIORITY, "HIGH"), Map.of(Dimension.GROUP, "billing"));
        List<Optional<Dimension>> breakdowns = List.of(Optional.empty(), Optional.of(Dimension.AGENT),
                Optional.of(Dimension.CHANNEL));
        for (ReportWindow window : windows) {
            for (Map<Dimension, String> filter : filters) {
                for (Optional<Dimension> by : breakdowns) {
                    KpiQuery query = new KpiQuery(window, filter, by);
                    assertThat(reader.read(model, query)).as("%s %s by %s", window, filter, by)
                            .isEqualTo(reference.read(model, query));
                }
            }
        }
    }

    @Test
    void wholeWeeksAreReadFromTheWeekDocuments(MongoDatabase db) {
        ReadModel model = project(db);
        KpiQuery byAgent = new KpiQuery(new ReportWindow(FIRST_MONDAY, FOUR_WEEKS_LATER, ZoneOffset.UTC,
                Interval.WEEK), Map.of(Dimension.CHANNEL, "chat"), Optional.of(Dimension.AGENT));
        KpiSeries fromDays = reference.read(model, byAgent);
        assertThat(DurationStats.of(fromDays.totals(), DurationKind.FIRST_RESPONSE).count()).isGreaterThan(100);

        // Without the days' bins documents, the week documents alone still give every percentile.
        db.getCollection("g1_buckets").deleteMany(Filters.regex("_id", "^[^|]+\\|\\d{4}-\\d{2}-\\d{2}\\|h$"));

        assertThat(reader.read(model, byAgent)).isEqualTo(fromDays);
        // (while adding up the days now finds counts without any bins)
        assertThat(DurationStats.of(reference.read(model, byAgent).totals(), DurationKind.FIRST_RESPONSE).medianSeconds())
                .isNull();
    }

    private static ReadModel project(MongoDatabase db) {
        return ProjectedSample.project(db, FIRST_MONDAY, 28, 1500);
    }
}
