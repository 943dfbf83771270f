package io.threadline.ticket.infrastructure;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Axon's aggregate cache on Caffeine, bounded by size. Axon's own WeakReferenceCache loses entries at every
 * garbage collection, and on the MongoDB stand-in every reload of an aggregate scans the whole event collection.
 *
 * <p>With several replicas, another one may have changed an aggregate this one holds: given the store's
 * {@link StoredVersions}, an entry is handed out only while it is the aggregate's latest version, and otherwise
 * dropped, so Axon loads the aggregate from the store. Commands then decide on the current state: an If-Match of
 * the current version passes, an older one is refused, a command that would change nothing on the old copy changes
 * what it must. (An append racing with another replica's still fails on the store's unique key; Axon drops the entry
 * on the rollback and the command gateway retries.)
 */
public class CaffeineAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final StoredVersions storedVersions;

    /** A cache of aggregates only this process changes (tests). */
    public CaffeineAggregateCache(long maximumSize) {
        this(maximumSize, null);
    }

    CaffeineAggregateCache(long maximumSize, StoredVersions storedVersions) {
        this.storedVersions = storedVersions;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                // Evict on the calling thread: cheap here, and the bound holds at every moment.
                .executor(Runnable::run)
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        notify(listener -> listener.onEntryExpired(key));
                    }
                })
                .build()
                .asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value == null) {
            return null;
        }
        if (storedVersions != null && !isLatest(key, value)) {
            remove(key);
            return null;
        }
        notify(listener -> listener.onEntryRead(key, value));
        return (V) value;
    }

    private boolean isLatest(Object key, Object value) {
        if (!(value instanceof AggregateCacheEntry<?> entry)) {
            return true;
        }
        // An entry of an in-memory cache keeps the aggregate it was made of and hands that back as it is: the
        // arguments serve only to rebuild an entry that went through serialization, which this cache never does.
        Long version = entry.recreateAggregate(null, null, null, null).version();
        return version != null && storedVersions.isLatest(String.valueOf(key), version);
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.put(key, value);
        notify(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            notify(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            notify(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void notify(Consumer<EntryListener> event) {
        listeners.forEach(event);
    }
}
