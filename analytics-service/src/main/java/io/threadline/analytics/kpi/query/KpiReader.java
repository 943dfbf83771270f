package io.threadline.analytics.kpi.query;

import io.threadline.analytics.kpi.model.Cuboid;
import io.threadline.analytics.kpi.model.Tally;
import io.threadline.analytics.kpi.store.BucketStore;
import io.threadline.analytics.kpi.store.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers a {@link KpiQuery} from the pre-aggregated buckets: plans which day, quarter-hour and bins documents of one
 * cuboid make up each bucket of the request's zone ({@link BucketPlan}), chooses the keys to read of them
 * ({@link KeySelection}), reads them by {@code _id} and adds them up ({@link StoredTallies}). The cost depends on the
 * number of days in the window, never on the number of tickets.
 */
@ApplicationScoped
public class KpiReader {

    private final boolean shortcuts;

    public KpiReader() {
        this(true);
    }

    private KpiReader(boolean shortcuts) {
        this.shortcuts = shortcuts;
    }

    /**
     * A reader that adds up every day's documents whole, never a week's bins, and matches every stored key itself
     * instead of asking the key directories: the reference that the shortcuts are checked against.
     */
    public static KpiReader reference() {
        return new KpiReader(false);
    }

    /** Every counter, histogram bins included. */
    public KpiSeries read(ReadModel model, KpiQuery query) {
        return read(model, query, true);
    }

    /**
     * The counters of the query; histogram bins of whole days only if {@code withBins} (only percentiles need them,
     * and they are most of a day's data).
     */
    public KpiSeries read(ReadModel model, KpiQuery query, boolean withBins) {
        Cuboid cuboid = query.cuboid();
        String onlyKey = query.by().isPresent() || !query.cuboidIsExact() ? null : cuboid.key(query.filterValues());
        KeyMatcher matcher = new KeyMatcher(cuboid, onlyKey, query);
        BucketPlan plan = BucketPlan.of(query.window(), cuboid, withBins, shortcuts);
        BucketStore store = model.buckets();
        KeySelection keys = onlyKey != null ? KeySelection.only(onlyKey)
                : query.filters().isEmpty() || !shortcuts ? KeySelection.everyKey()
                : KeySelection.listed(store.keys(plan.keyDirectoryIds()), matcher);
        if (keys.isEmpty()) {
            return new KpiSeries(new Tally(), List.of());
        }

        Map<String, RawBsonDocument> docs = new HashMap<>();
        store.read(plan.documentIds(), keys.blockFields(plan.blocks())).forEach(doc -> docs.put(id(doc), doc));
        store.read(plan.binsIds(), keys.binFields()).forEach(doc -> docs.put(id(doc), doc));

        Tally totals = new Tally();
        List<KpiSeries.Point> points = new ArrayList<>();
        for (BucketPlan.Bucket bucket : plan.buckets()) {
            Map<String, Tally> byGroup = new TreeMap<>();
            for (Block block : bucket.blocks()) {
                RawBsonDocument doc = docs.get(plan.documentId(block));
                RawBsonDocument keyed = doc == null ? null : StoredTallies.keyed(doc, block);
                if (keyed != null) {
                    StoredTallies.addMatching(keyed, matcher, block.sign(), byGroup);
                }
            }
            for (BucketPlan.SignedId bins : bucket.bins()) {
                RawBsonDocument doc = docs.get(bins.id());
                RawBsonDocument keyed = doc == null ? null : StoredTallies.keyedBins(doc);
                if (keyed != null) {
                    StoredTallies.addMatching(keyed, matcher, bins.sign(), byGroup);
                }
            }
            byGroup.forEach((group, tally) -> {
                if (!tally.isEmpty()) {
                    points.add(new KpiSeries.Point(bucket.start(), query.by().isPresent() ? group : null, tally));
                    totals.add(tally, 1);
                }
            });
        }
        return new KpiSeries(totals, points);
    }

    private static String id(RawBsonDocument doc) {
        return doc.getString("_id").getValue();
    }
}
