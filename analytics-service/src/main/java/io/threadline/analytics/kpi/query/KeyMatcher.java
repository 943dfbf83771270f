package io.threadline.analytics.kpi.query;

import io.threadline.analytics.kpi.model.Cuboid;
import io.threadline.analytics.kpi.model.Dimension;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which group of the answer a stored key of the query's cuboid adds to (null: it does not match the filters), worked
 * out once per distinct key of a query rather than for every document that holds it.
 */
final class KeyMatcher {

    private final Cuboid cuboid;
    private final String onlyKey;
    private final KpiQuery query;
    private final Map<String, Optional<String>> groups = new HashMap<>();

    /** {@code onlyKey}: the one key a query without breakdown reads when its cuboid has exactly its dimensions. */
    KeyMatcher(Cuboid cuboid, String onlyKey, KpiQuery query) {
        this.cuboid = cuboid;
        this.onlyKey = onlyKey;
        this.query = query;
    }

    /** The breakdown value of the key ("" without a breakdown), or null if the key does not match. */
    String groupOf(String key) {
        return groups.computeIfAbsent(key, k -> matches(k)
                ? Optional.of(query.by().map(d -> cuboid.valueIn(k, d)).orElse("")) : Optional.empty()).orElse(null);
    }

    boolean matches(String key) {
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
