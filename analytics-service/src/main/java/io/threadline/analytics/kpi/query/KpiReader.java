package io.threadline.analytics.kpi.query;

import io.threadline.analytics.kpi.model.Cuboid;
import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.model.Tally;
import io.threadline.analytics.kpi.store.BucketStore;
import io.threadline.analytics.kpi.store.ReadModel;
import io.threadline.analytics.window.ReportWindow;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers a {@link KpiQuery} from the pre-aggregated buckets: computes which day and quarter-hour aggregates make up
 * each bucket of the request's zone, reads those documents of one cuboid by {@code _id} (only the needed fields),
 * and adds them up. Histogram bins come from the week's bins document for a UTC week the bucket holds whole, else from
 * each day's. The cost depends on the number of days in the window, never on the number of tickets.
 */
@ApplicationScoped
public class KpiReader {

    private static final int DAYS_PER_WEEK = 7;

    private final boolean weekBins;

    public KpiReader() {
        this(true);
    }

    private KpiReader(boolean weekBins) {
        this.weekBins = weekBins;
    }

    /**
     * A reader that adds up the bins of every day, never those of a week: the reference the week bins documents are
     * checked against.
     */
    public static KpiReader daysOnly() {
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
        List<Bucket> buckets = buckets(query.window());

        Set<String> ids = new LinkedHashSet<>();
        Set<String> binIds = new LinkedHashSet<>();
        Set<String> fields = new LinkedHashSet<>();
        List<List<SignedId>> binsByBucket = new ArrayList<>(buckets.size());
        for (Bucket bucket : buckets) {
            for (Block block : bucket.blocks) {
                ids.add(documentId(cuboid, block));
                fields.add(field(block.quarter() == Block.WHOLE_DAY ? BucketStore.DAY_TOTALS
                        : BucketStore.QUARTERS + "." + block.quarter(), onlyKey));
            }
            List<SignedId> bins = withBins ? binsDocuments(cuboid, bucket.blocks) : List.of();
            bins.forEach(read -> binIds.add(read.id));
            binsByBucket.add(bins);
        }
        KeyGroups keyGroups = new KeyGroups(cuboid, onlyKey, query);
        Map<String, RawBsonDocument> docs = new HashMap<>();
        for (RawBsonDocument doc : model.buckets().read(ids, fields)) {
            docs.put(doc.getString("_id").getValue(), doc);
        }
        if (!binIds.isEmpty()) {
            List<String> binFields = binFields(docs.values(), onlyKey, query, keyGroups);
            if (!binFields.isEmpty()) {
                for (RawBsonDocument doc : model.buckets().read(binIds, binFields)) {
                    docs.put(doc.getString("_id").getValue(), doc);
                }
            }
        }

        Tally totals = new Tally();
        List<KpiSeries.Point> points = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            Map<String, Tally> byGroup = new TreeMap<>();
            for (Block block : bucket.blocks) {
                RawBsonDocument doc = docs.get(documentId(cuboid, block));
                RawBsonDocument keyed = doc == null ? null : keyedTallies(doc, block);
                if (keyed != null) {
                    addKeyed(keyed, keyGroups, block.sign(), byGroup);
                }
            }
            for (SignedId bins : binsByBucket.get(i)) {
                RawBsonDocument doc = docs.get(bins.id);
                RawBsonDocument keyed = doc == null ? null : rawDocument(doc, BucketStore.DAY_TOTALS);
                if (keyed != null) {
                    addKeyed(keyed, keyGroups, bins.sign, byGroup);
                }
            }
            byGroup.forEach((group, tally) -> {
                if (!tally.isEmpty()) {
                    points.add(new KpiSeries.Point(bucket.start, query.by().isPresent() ? group : null, tally));
                    totals.add(tally, 1);
                }
            });
        }
        return new KpiSeries(totals, points);
    }

    /**
     * The bins documents of a bucket's whole days, with their signs: a UTC week whose seven days the bucket holds
     * whole, with the same sign, is read as the week's bins document (the sum of those seven, so the same numbers),
     * any other day as its own.
     */
    private List<SignedId> binsDocuments(Cuboid cuboid, List<Block> blocks) {
        Map<LocalDate, Integer> days = new TreeMap<>();
        for (Block block : blocks) {
            if (block.quarter() == Block.WHOLE_DAY) {
                days.merge(block.day(), block.sign(), Integer::sum);
            }
        }
        List<SignedId> reads = new ArrayList<>();
        Set<LocalDate> inWeeks = new HashSet<>();
        if (weekBins) {
            for (LocalDate monday : days.keySet().stream().map(BucketStore::weekOf).distinct().toList()) {
                Integer sign = days.get(monday);
                if (sign != null && sign != 0 && wholeWeek(days, monday, sign)) {
                    reads.add(new SignedId(BucketStore.weekBinsId(cuboid, monday), sign));
                    for (int d = 0; d < DAYS_PER_WEEK; d++) {
                        inWeeks.add(monday.plusDays(d));
                    }
                }
            }
        }
        days.forEach((day, sign) -> {
            if (sign != 0 && !inWeeks.contains(day)) {
                reads.add(new SignedId(BucketStore.dayBinsId(cuboid, day), sign));
            }
        });
        return reads;
    }

    private static boolean wholeWeek(Map<LocalDate, Integer> days, LocalDate monday, int sign) {
        for (int d = 1; d < DAYS_PER_WEEK; d++) {
            if (!Integer.valueOf(sign).equals(days.get(monday.plusDays(d)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the tallies of the matching keys of one stored block to their groups, reading the reply's bytes directly:
     * a year of histograms is hundreds of thousands of counters, not worth a map entry and a boxed value each.
     */
    private static void addKeyed(RawBsonDocument keyed, KeyGroups keyGroups, int sign, Map<String, Tally> byGroup) {
        try (BsonBinaryReader reader = new BsonBinaryReader(keyed.getByteBuffer().asNIO())) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String group = keyGroups.groupOf(reader.readName());
                if (group == null || reader.getCurrentBsonType() != BsonType.DOCUMENT) {
                    reader.skipValue();
                    continue;
                }
                addCounters(reader, "", sign, byGroup.computeIfAbsent(group, g -> new Tally()));
            }
            reader.readEndDocument();
        }
    }

    /** A whole day: its day document; a quarter hour: its hour document. */
    private static String documentId(Cuboid cuboid, Block block) {
        return block.quarter() == Block.WHOLE_DAY ? BucketStore.dayId(cuboid, block.day())
                : BucketStore.hourId(cuboid, block.day(), block.quarter());
    }

    /**
     * What to read of the bins documents: the keys matching the query, as the day documents just read list them (a
     * day's bins are written with its counts, under the same keys, and never hold a key its day document lacks).
     * With a filter that the cuboid holds more than (an agent's figures on one channel, from the cuboid of channel and
     * agent), this reads only the matching part of each day's histograms, the bulk of a percentile query.
     */
    private static List<String> binFields(Collection<RawBsonDocument> days, String onlyKey, KpiQuery query,
                                          KeyGroups keyGroups) {
        if (onlyKey != null) {
            return List.of(field(BucketStore.DAY_TOTALS, onlyKey));
        }
        if (query.filters().isEmpty()) {
            return List.of(BucketStore.DAY_TOTALS);
        }
        Set<String> keys = new TreeSet<>();
        for (RawBsonDocument day : days) {
            RawBsonDocument totals = rawDocument(day, BucketStore.DAY_TOTALS);
            if (totals != null) {
                keys.addAll(names(totals));
            }
        }
        return keys.stream().filter(key -> keyGroups.groupOf(key) != null)
                .map(key -> field(BucketStore.DAY_TOTALS, key)).toList();
    }

    /** The field names of a raw document, read without decoding their values. */
    private static List<String> names(RawBsonDocument doc) {
        List<String> names = new ArrayList<>();
        try (BsonBinaryReader reader = new BsonBinaryReader(doc.getByteBuffer().asNIO())) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                names.add(reader.readName());
                reader.skipValue();
            }
            reader.readEndDocument();
        }
        return names;
    }

    private static String field(String path, String onlyKey) {
        return onlyKey == null ? path : path + "." + onlyKey;
    }

    private static RawBsonDocument keyedTallies(RawBsonDocument doc, Block block) {
        if (block.quarter() == Block.WHOLE_DAY) {
            return rawDocument(doc, BucketStore.DAY_TOTALS);
        }
        RawBsonDocument quarters = rawDocument(doc, BucketStore.QUARTERS);
        return quarters == null ? null : rawDocument(quarters, String.valueOf(block.quarter()));
    }

    /** A sub-document of a reply, still as bytes (a raw document's sub-documents are raw documents too). */
    private static RawBsonDocument rawDocument(BsonDocument doc, String field) {
        BsonValue value = doc.get(field);
        return value instanceof RawBsonDocument raw ? raw : null;
    }

    /**
     * Which group of the answer a stored key adds to (null: it does not match the filters), worked out once per
     * distinct key of a query rather than for every day that holds it.
     */
    private static final class KeyGroups {
        private final Cuboid cuboid;
        private final String onlyKey;
        private final KpiQuery query;
        private final Map<String, Optional<String>> groups = new HashMap<>();

        KeyGroups(Cuboid cuboid, String onlyKey, KpiQuery query) {
            this.cuboid = cuboid;
            this.onlyKey = onlyKey;
            this.query = query;
        }

        String groupOf(String key) {
            return groups.computeIfAbsent(key, k -> matches(k)
                    ? Optional.of(query.by().map(d -> cuboid.valueIn(k, d)).orElse("")) : Optional.empty()).orElse(null);
        }

        private boolean matches(String key) {
            if (onlyKey != null) {
                return onlyKey.equals(key);
            }
            for (Map.Entry<Dimension, String> filter : query.filters().entrySet()) {
                if (!filter.getValue().equals(cuboid.valueIn(key, filter.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Adds {@code sign} times each counter of the stored tally the reader stands at (nested documents: dotted names)
     * to {@code into}.
     */
    private static void addCounters(BsonBinaryReader reader, String prefix, int sign, Tally into) {
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = reader.readName();
            switch (reader.getCurrentBsonType()) {
                case DOCUMENT -> addCounters(reader, prefix + name + ".", sign, into);
                case INT64 -> into.add(prefix + BucketStore.counterOf(name), sign * reader.readInt64());
                case INT32 -> into.add(prefix + BucketStore.counterOf(name), (long) sign * reader.readInt32());
                case DOUBLE -> into.add(prefix + BucketStore.counterOf(name), sign * (long) reader.readDouble());
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
    }

    /** The request's buckets on the zone's clock, each clipped to the window and covered by blocks. */
    private static List<Bucket> buckets(ReportWindow window) {
        List<Bucket> buckets = new ArrayList<>();
        ZonedDateTime start = window.interval().bucketStart(window.from(), window.zone());
        while (start.toInstant().isBefore(window.to())) {
            ZonedDateTime next = window.interval().next(start);
            Instant from = start.toInstant().isBefore(window.from()) ? window.from() : start.toInstant();
            Instant to = next.toInstant().isAfter(window.to()) ? window.to() : next.toInstant();
            buckets.add(new Bucket(start, Block.cover(from, to)));
            start = next;
        }
        return buckets;
    }

    private record Bucket(ZonedDateTime start, List<Block> blocks) {
    }

    /** A stored document to add with a sign. */
    private record SignedId(String id, int sign) {
    }
}
