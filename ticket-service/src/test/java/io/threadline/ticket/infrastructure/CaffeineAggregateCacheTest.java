package io.threadline.ticket.infrastructure;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaffeineAggregateCacheTest {

    @Test
    void keepsEntriesAndTellsListenersWhatHappened() {
        CaffeineAggregateCache cache = new CaffeineAggregateCache(100);
        List<String> seen = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }
        });

        cache.put("t-1", "v1");
        cache.put("t-1", "v2");
        assertThat(cache.putIfAbsent("t-1", "v3")).isFalse();
        assertThat((String) cache.get("t-1")).isEqualTo("v2");
        assertThat(cache.remove("t-1")).isTrue();
        assertThat(cache.containsKey("t-1")).isFalse();

        assertThat(seen).containsExactly("created t-1", "updated t-1", "removed t-1");
    }

    @Test
    void staysWithinItsBound() {
        CaffeineAggregateCache cache = new CaffeineAggregateCache(10);
        for (int i = 0; i < 1_000; i++) {
            cache.put("t-" + i, i);
        }
        long kept = java.util.stream.IntStream.range(0, 1_000).filter(i -> cache.containsKey("t-" + i)).count();
        assertThat(kept).isLessThanOrEqualTo(10);
    }
}
