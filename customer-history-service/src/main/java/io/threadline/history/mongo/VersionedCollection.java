package io.threadline.history.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * State documents changed by read-modify-write under optimistic concurrency, without transactions. Each document
 * carries a version {@code v}; a write only lands on the version it was computed from, else it is computed again
 * from the fresh document. The unique index on {@code {_id, v}} lets the MongoDB stand-in find the guarded
 * document by index (it uses an index only when a query names exactly its fields), and is harmless elsewhere.
 * <p>
 * {@link #update} starts from the documents this instance last wrote or read where it still has them (a bounded
 * cache), so a writer that keeps changing the same documents (the live consumers) saves the read before each write.
 * The version guard keeps that safe: a cached document another writer has changed since fails its write and is read
 * again, and a change that leaves a cached document as it was is confirmed by a fresh read before it is returned.
 */
public final class VersionedCollection<T> {

    static final String VERSION = "v";
    private static final int MAX_ATTEMPTS = 20;
    private static final int IDS_PER_QUERY = 1000;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> collection;
    private final DocumentCodec<T> codec;
    private final Map<String, Document> recent;

    /** Without a cache: every update reads the documents first. */
    public VersionedCollection(MongoCollection<Document> collection, DocumentCodec<T> codec) {
        this(collection, codec, 0);
    }

    /** With a cache of the {@code cached} documents last written or read by {@link #update}. */
    public VersionedCollection(MongoCollection<Document> collection, DocumentCodec<T> codec, int cached) {
        this.collection = collection;
        this.codec = codec;
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > cached;
            }
        });
    }

    public void createIndexes() {
        collection.createIndex(Indexes.ascending("_id", VERSION), new IndexOptions().unique(true));
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    /** Drops the collection and forgets what was cached of it. */
    public void drop() {
        collection.drop();
        recent.clear();
    }

    /** The stored states of these ids; ids never stored are absent from the map. */
    public Map<String, T> find(Collection<String> ids) {
        Map<String, T> found = new HashMap<>();
        loadDocuments(ids).forEach((id, doc) -> found.put(id, codec.fromDocument(doc)));
        return found;
    }

    public T get(String id) {
        Document doc = collection.find(Filters.eq("_id", id)).first();
        return doc == null ? codec.empty(id) : codec.fromDocument(doc);
    }

    /**
     * Applies {@code change} to the current state of each id ({@link DocumentCodec#empty} if none) and stores what
     * changed; a null result deletes the document. {@code change} may run more than once for an id another writer
     * changed meanwhile, so it must only compute.
     *
     * @return the stored state of every id afterwards (null where deleted)
     */
    public Map<String, T> update(Collection<String> ids, BiFunction<String, T, T> change) {
        Map<String, T> result = new HashMap<>();
        Set<String> pending = new LinkedHashSet<>(ids);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException("Gave up after " + MAX_ATTEMPTS + " conflicting writes on "
                        + collection.getNamespace() + " " + pending);
            }
            Set<String> cachedIds = new HashSet<>();
            Map<String, Document> current = attempt == 1 ? cachedOrLoaded(pending, cachedIds) : load(pending);
            List<WriteModel<Document>> writes = new ArrayList<>();
            List<String> writtenIds = new ArrayList<>();
            Map<String, Document> written = new HashMap<>();
            Set<String> unconfirmed = new LinkedHashSet<>();
            for (String id : pending) {
                Document stored = current.get(id);
                T before = stored == null ? null : codec.fromDocument(stored);
                T base = before == null ? codec.empty(id) : before;
                T after = change.apply(id, base);
                result.put(id, after);
                WriteModel<Document> write = write(id, stored, base, after);
                if (write != null) {
                    writes.add(write);
                    writtenIds.add(id);
                    written.put(id, after == null ? null : documentOf(write));
                } else if (cachedIds.contains(id)) {
                    // Nothing to write proves nothing about a cached document: read it before returning its state.
                    unconfirmed.add(id);
                }
            }
            Set<String> conflicted = conflicts(writes, writtenIds);
            written.forEach((id, doc) -> {
                if (doc == null || conflicted.contains(id)) {
                    recent.remove(id);
                } else {
                    recent.put(id, doc);
                }
            });
            pending = new LinkedHashSet<>(conflicted);
            pending.addAll(unconfirmed);
        }
        return result;
    }

    private static Document documentOf(WriteModel<Document> write) {
        return write instanceof InsertOneModel<Document> insert ? insert.getDocument()
                : ((ReplaceOneModel<Document>) write).getReplacement();
    }

    /** The cached documents of these ids (their ids added to {@code cachedIds}), the others read. */
    private Map<String, Document> cachedOrLoaded(Set<String> ids, Set<String> cachedIds) {
        Map<String, Document> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Document cached = recent.get(id);
            if (cached != null) {
                found.put(id, cached);
                cachedIds.add(id);
            } else {
                missing.add(id);
            }
        }
        found.putAll(load(missing));
        return found;
    }

    /** Reads the documents (absent ones are not in the map) and caches what it read. */
    private Map<String, Document> load(Collection<String> ids) {
        Map<String, Document> found = loadDocuments(ids);
        ids.forEach(recent::remove);
        recent.putAll(found);
        return found;
    }

    private WriteModel<Document> write(String id, Document stored, T base, T after) {
        if (Objects.equals(base, after) || (stored == null && after == null)) {
            return null;
        }
        long version = stored == null ? 0 : Fields.longValue(stored, VERSION);
        if (after == null) {
            return new DeleteOneModel<>(guard(id, version));
        }
        Document document = codec.toDocument(after).append(VERSION, version + 1);
        if (stored == null) {
            return new InsertOneModel<>(document);
        }
        // A lost race finds no document of that version, tries to insert one and fails on the _id: a conflict.
        return new ReplaceOneModel<>(guard(id, version), document, UPSERT);
    }

    private Set<String> conflicts(List<WriteModel<Document>> writes, List<String> writtenIds) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        try {
            collection.bulkWrite(writes, UNORDERED);
            return Set.of();
        } catch (MongoBulkWriteException e) {
            return DuplicateKeys.refused(e, writtenIds);
        }
    }

    /**
     * {@code {_id: id, v: version}} as one plain document: the stand-in picks an index only for a query whose keys
     * are exactly the index's, and {@code Filters.and} renders {@code $and}, which it would answer by a scan.
     */
    static Bson guard(String id, long version) {
        return new Document("_id", id).append(VERSION, version);
    }

    private Map<String, Document> loadDocuments(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        List<String> all = new ArrayList<>(new HashSet<>(ids));
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            Bson filter = chunk.size() == 1 ? Filters.eq("_id", chunk.get(0)) : Filters.in("_id", chunk);
            for (Document doc : collection.find(filter)) {
                found.put(doc.getString("_id"), doc);
            }
        }
        return found;
    }
}
