package io.threadline.analytics.kpi.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.threadline.analytics.kpi.model.Cuboid;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code buckets}: the pre-aggregated KPIs, read by {@code _id} only (which the MongoDB stand-in indexes too). Per
 * cuboid and UTC day, a day document {@code <cuboid>|<yyyy-MM-dd>} holds the day's tallies per dimension key
 * ({@code t.<key>.<counter>}, the counter's dots as underscores: {@code frt_h_42}) but their histogram bins, which a bins document {@code <cuboid>|<yyyy-MM-dd>|h} holds
 * the same way (and a week bins document {@code <cuboid>|w<monday>|h} the sum of its seven days' bins), and per UTC hour an hour document {@code <cuboid>|<yyyy-MM-dd>T<HH>} holds that hour's
 * four quarter hours ({@code q.<0-95>.<key>.<counter>}, numbered within the day). A query over whole days thus reads
 * only the small day documents; only the edges of a zone's days or hours read hour documents. Every document keeps
 * per source the last position applied ({@code applied.<source>}). Per cuboid and UTC month, a key directory
 * {@code <cuboid>|k<yyyy-MM>} lists every key that any of the month's documents of the cuboid holds
 * ({@code k.<key>: true}), written before them: a filtered query names the keys it needs in its projection.
 */
public final class BucketStore {

    public static final String DAY_TOTALS = "t";
    public static final String QUARTERS = "q";
    private static final String APPLIED = "applied";
    private static final String KEYS = "k";

    /** What to add to one document, and the position of each source it now holds. */
    public record BucketWrite(String id, Map<String, Long> increments, Map<String, Long> positions) {
    }

    private final MongoCollection<Document> buckets;

    BucketStore(MongoCollection<Document> buckets) {
        this.buckets = buckets;
    }

    public static final int QUARTERS_PER_HOUR = 4;

    /** The day document: the day's totals. */
    public static String dayId(Cuboid cuboid, LocalDate utcDay) {
        return cuboid.name() + "|" + utcDay;
    }

    /**
     * The day's histogram bins ({@code t.<key>.frt.h.<bin>}…), apart from its other counters: they are most of a
     * day's data and only percentiles need them, so every other KPI reads the small day document alone.
     */
    public static String dayBinsId(Cuboid cuboid, LocalDate utcDay) {
        return dayId(cuboid, utcDay) + "|h";
    }

    /**
     * The bins of a UTC week (Monday to Sunday), the sum of its seven days' bins documents: a query whose bucket holds
     * the whole week reads it instead of the seven (a year by week: 52 documents per cuboid, not 365).
     */
    public static String weekBinsId(Cuboid cuboid, LocalDate monday) {
        return cuboid.name() + "|w" + monday + "|h";
    }

    /** The Monday starting the UTC week of {@code utcDay}. */
    public static LocalDate weekOf(LocalDate utcDay) {
        return utcDay.minusDays(utcDay.getDayOfWeek().getValue() - 1L);
    }

    /**
     * The key directory of a cuboid's UTC month: a superset of the keys its day, bins and hour documents of that month
     * hold (the week bins documents hold keys of their days), so a query that filters learns which keys to read from
     * a few small documents instead of the whole tallies of every day.
     */
    public static String keysId(Cuboid cuboid, YearMonth utcMonth) {
        return cuboid.name() + "|k" + utcMonth;
    }

    /** The hour document holding quarter hour {@code quarter} (0-95) of the day. */
    public static String hourId(Cuboid cuboid, LocalDate utcDay, int quarter) {
        int hour = quarter / QUARTERS_PER_HOUR;
        return cuboid.name() + "|" + utcDay + (hour < 10 ? "T0" : "T") + hour;
    }

    /**
     * A counter's name as one field name ({@code frt.h.42} as {@code frt_h_42}): the fewer levels a {@code $inc}
     * path has, the less work each update is (the MongoDB stand-in resolves a path level by level).
     */
    public static String fieldOf(String counter) {
        return counter.replace('.', '_');
    }

    /** The counter stored under a field name of {@link #fieldOf}. */
    public static String counterOf(String field) {
        return field.replace('_', '.');
    }

    /** A source name as a field name: topic partitions contain dots. */
    public static String sourceField(String source) {
        return source.replace('.', '_');
    }

    /** For each existing document among {@code ids}: source field → last position applied. */
    public Map<String, Map<String, Long>> positions(Collection<String> ids) {
        Map<String, Map<String, Long>> positions = new HashMap<>();
        if (ids.isEmpty()) {
            return positions;
        }
        for (Document doc : buckets.find(Filters.in("_id", ids)).projection(Projections.include(APPLIED))) {
            Map<String, Long> bySource = new HashMap<>();
            Document applied = doc.get(APPLIED, Document.class);
            if (applied != null) {
                applied.forEach((source, position) -> bySource.put(source, ((Number) position).longValue()));
            }
            positions.put(doc.getString("_id"), bySource);
        }
        return positions;
    }

    /** Adds the increments ($inc) and raises the positions ($max), creating documents as needed. */
    public void write(Collection<BucketWrite> writes) {
        List<WriteModel<Document>> models = new ArrayList<>();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (BucketWrite write : writes) {
            Document update = new Document();
            if (!write.increments().isEmpty()) {
                update.append("$inc", new Document(new HashMap<>(write.increments())));
            }
            Document max = new Document();
            write.positions().forEach((source, position) -> max.append(APPLIED + "." + sourceField(source), position));
            update.append("$max", max);
            models.add(new UpdateOneModel<>(Filters.eq("_id", write.id()), update, upsert));
        }
        if (!models.isEmpty()) {
            buckets.bulkWrite(models);
        }
    }

    /** Adds keys to directories ({@code keysId} → keys); written before the documents that use them. */
    public void registerKeys(Map<String, ? extends Collection<String>> keysByDirectory) {
        List<WriteModel<Document>> models = new ArrayList<>();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        keysByDirectory.forEach((id, keys) -> {
            Document set = new Document();
            keys.forEach(key -> set.append(KEYS + "." + key, true));
            if (!set.isEmpty()) {
                models.add(new UpdateOneModel<>(Filters.eq("_id", id), new Document("$set", set), upsert));
            }
        });
        if (!models.isEmpty()) {
            buckets.bulkWrite(models);
        }
    }

    /** The keys the given directories list, together. */
    public Set<String> keys(Collection<String> directoryIds) {
        Set<String> keys = new HashSet<>();
        if (!directoryIds.isEmpty()) {
            for (Document doc : buckets.find(Filters.in("_id", directoryIds)).projection(Projections.include(KEYS))) {
                Document listed = doc.get(KEYS, Document.class);
                if (listed != null) {
                    keys.addAll(listed.keySet());
                }
            }
        }
        return keys;
    }

    /**
     * The given fields ({@code t}, {@code t.<key>}, {@code q.37}…) of the documents with these ids, as the reply's
     * bytes: a query sums their counters without building a map of each.
     */
    public List<RawBsonDocument> read(Collection<String> ids, Collection<String> fields) {
        List<RawBsonDocument> docs = new ArrayList<>();
        if (!ids.isEmpty()) {
            buckets.withDocumentClass(RawBsonDocument.class).find(Filters.in("_id", ids))
                    .projection(Projections.include(new ArrayList<>(fields))).into(docs);
        }
        return docs;
    }
}
