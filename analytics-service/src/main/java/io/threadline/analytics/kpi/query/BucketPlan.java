package io.threadline.analytics.kpi.query;

import io.threadline.analytics.kpi.model.Cuboid;
import io.threadline.analytics.kpi.store.BucketStore;
import io.threadline.analytics.window.ReportWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which stored documents of one cuboid make up each bucket of a request's zone: its blocks (whole UTC days from the
 * day documents, quarter hours from the hour documents, each with a sign) and, when percentiles are asked for, the
 * bins documents of its whole days: a UTC week whose seven days the bucket holds whole, with the same sign, as the
 * week's bins document (the sum of those seven, so the same numbers), any other day as its own.
 */
final class BucketPlan {

    private static final int DAYS_PER_WEEK = 7;

    /** A bucket on the zone's clock, clipped to the window: its blocks and its bins documents. */
    record Bucket(ZonedDateTime start, List<Block> blocks, List<SignedId> bins) {
    }

    /** A stored document to add with a sign. */
    record SignedId(String id, int sign) {
    }

    private final Cuboid cuboid;
    private final List<Bucket> buckets;

    private BucketPlan(Cuboid cuboid, List<Bucket> buckets) {
        this.cuboid = cuboid;
        this.buckets = buckets;
    }

    /** {@code weekBins}: whether whole UTC weeks read the week's bins document (else always the days'). */
    static BucketPlan of(ReportWindow window, Cuboid cuboid, boolean withBins, boolean weekBins) {
        List<Bucket> buckets = new ArrayList<>();
        ZonedDateTime start = window.interval().bucketStart(window.from(), window.zone());
        while (start.toInstant().isBefore(window.to())) {
            ZonedDateTime next = window.interval().next(start);
            Instant from = start.toInstant().isBefore(window.from()) ? window.from() : start.toInstant();
            Instant to = next.toInstant().isAfter(window.to()) ? window.to() : next.toInstant();
            List<Block> blocks = Block.cover(from, to);
            buckets.add(new Bucket(start, blocks, withBins ? binsDocuments(cuboid, blocks, weekBins) : List.of()));
            start = next;
        }
        return new BucketPlan(cuboid, buckets);
    }

    List<Bucket> buckets() {
        return buckets;
    }

    /** A whole day: its day document; a quarter hour: its hour document. */
    String documentId(Block block) {
        return block.quarter() == Block.WHOLE_DAY ? BucketStore.dayId(cuboid, block.day())
                : BucketStore.hourId(cuboid, block.day(), block.quarter());
    }

    /** The day and hour documents of every bucket. */
    Set<String> documentIds() {
        Set<String> ids = new LinkedHashSet<>();
        buckets.forEach(bucket -> bucket.blocks.forEach(block -> ids.add(documentId(block))));
        return ids;
    }

    /** The bins documents of every bucket. */
    Set<String> binsIds() {
        Set<String> ids = new LinkedHashSet<>();
        buckets.forEach(bucket -> bucket.bins.forEach(bins -> ids.add(bins.id)));
        return ids;
    }

    /** The blocks of every bucket. */
    List<Block> blocks() {
        return buckets.stream().flatMap(bucket -> bucket.blocks.stream()).toList();
    }

    /** The key directories of the UTC months the blocks lie in (a week's bins hold keys of its days only). */
    Set<String> keyDirectoryIds() {
        Set<String> ids = new LinkedHashSet<>();
        buckets.forEach(bucket -> bucket.blocks.forEach(block ->
                ids.add(BucketStore.keysId(cuboid, YearMonth.from(block.day())))));
        return ids;
    }

    private static List<SignedId> binsDocuments(Cuboid cuboid, List<Block> blocks, boolean weekBins) {
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
}
