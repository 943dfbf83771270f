package io.threadline.analytics.kpi.query;

import io.threadline.analytics.kpi.store.BucketStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which keys a query reads of each document of its cuboid, named in its projection: the one key of a query whose
 * cuboid has exactly its dimensions; every key of a query without filters; else the keys that the key directories of
 * its months list and that match the filters. A percentile query by agent on one channel and priority thus reads the
 * slice of each day of the cuboid of all four dimensions that it adds up, not every key of it: what the stand-in and
 * the driver then encode and decode is that slice.
 */
final class KeySelection {

    /** Past this many fields, quarter hours are read whole (they hold one hour's keys, and a field costs each read). */
    private static final int MAX_QUARTER_FIELDS = 500;

    /** null: every key. */
    private final List<String> keys;

    private KeySelection(List<String> keys) {
        this.keys = keys;
    }

    static KeySelection only(String key) {
        return new KeySelection(List.of(key));
    }

    static KeySelection everyKey() {
        return new KeySelection(null);
    }

    /** The listed keys that match. */
    static KeySelection listed(Collection<String> listed, KeyMatcher matcher) {
        return new KeySelection(listed.stream().filter(matcher::matches).sorted().toList());
    }

    /** Whether no stored key can match: nothing to read. */
    boolean isEmpty() {
        return keys != null && keys.isEmpty();
    }

    /** What to read of the day and hour documents of these blocks: {@code t}, {@code q.<n>}, or their keys. */
    List<String> blockFields(Collection<Block> blocks) {
        Set<String> quarters = new LinkedHashSet<>();
        boolean wholeDays = false;
        for (Block block : blocks) {
            if (block.quarter() == Block.WHOLE_DAY) {
                wholeDays = true;
            } else {
                quarters.add(BucketStore.QUARTERS + "." + block.quarter());
            }
        }
        List<String> fields = new ArrayList<>();
        if (wholeDays) {
            fields.addAll(fields(BucketStore.DAY_TOTALS));
        }
        boolean quartersByKey = keys != null && keys.size() * quarters.size() <= MAX_QUARTER_FIELDS;
        quarters.forEach(quarter -> fields.addAll(quartersByKey ? fields(quarter) : List.of(quarter)));
        return fields;
    }

    /** What to read of the bins documents. */
    List<String> binFields() {
        return fields(BucketStore.DAY_TOTALS);
    }

    private List<String> fields(String path) {
        return keys == null ? List.of(path) : keys.stream().map(key -> path + "." + key).toList();
    }
}
