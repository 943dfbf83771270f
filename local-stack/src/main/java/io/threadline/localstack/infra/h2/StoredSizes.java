package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.bson.Document;

import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link EncodedSize#atMost} bound of a collection's large stored documents, computed once per stored version
 * instead of on every find that returns them: sizing a reply walks every value of its documents, and the analytics
 * buckets read by a year's query (hundreds of documents of 60 to 400 KB) made that walk a third of the stand-in's
 * processor time in the query, as much again as encoding the reply. The collection forgets a document's bound when
 * it updates or deletes it (the general update path changes the stored document in place); the bound is also kept
 * with the very document it was computed on, held weakly and checked by identity, so a document read again from the
 * file is sized again. Small documents are cheap to size and not kept; the least recently used bounds are dropped
 * past {@link #CAPACITY}.
 */
final class StoredSizes {

    /** Below this, a document is sized each time. */
    static final long LARGE = 8 * 1024;
    private static final int CAPACITY = 65_536;

    private record Bound(WeakReference<Document> document, long bytes) {
    }

    /** Whether any bound was ever kept: a collection of small documents then forgets nothing on each write. */
    private volatile boolean keptAny;
    private final Map<Object, Bound> bounds = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Bound> eldest) {
            return size() > CAPACITY;
        }
    };

    /** At least the encoded size of {@code stored}, the document stored under {@code id} (or of a part of it). */
    synchronized long atMost(Object id, Document stored) {
        Bound known = id == null ? null : bounds.get(id);
        if (known != null && known.document().get() == stored) {
            return known.bytes();
        }
        long bytes = EncodedSize.atMost(stored);
        if (id != null && bytes >= LARGE) {
            bounds.put(id, new Bound(new WeakReference<>(stored), bytes));
            keptAny = true;
        }
        return bytes;
    }

    /** The document stored under {@code id} is changing or going. */
    void forget(Object id) {
        if (keptAny) {
            synchronized (this) {
                bounds.remove(id);
            }
        }
    }
}
