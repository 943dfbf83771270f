package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The H2 backend's collection as the stand-in needs it:
 * <ul>
 *   <li>single-document updates and replacements by {@code _id} computed by {@link DirectUpdate} and
 *   {@link DirectReplacement} where they can, replacements also when guarded by further plain fields
 *   ({@code {_id, v}}) that a unique index covers; every other update takes the general path. The effects are the same: the document, its indexes, the collection's data size, the oplog and
 *   the reply;</li>
 *   <li>a find's documents handed out in batches as MongoDB cuts them ({@link ReplyBatches}, sized by the stored
 *   documents, {@link StoredSizes}), by cursors closed when left idle ({@link IdleCursors});</li>
 *   <li>the documents an {@code _id} {@code $in} found by the index taken as they are, not matched again against
 *   the whole list;</li>
 *   <li>projections that only include fields applied by {@link InclusionProjection};</li>
 *   <li>the data size computed when statistics ask for it.</li>
 * </ul>
 */
final class StandInH2Collection extends H2Collection {

    private final Supplier<IdleCursors> idleCursors;
    private final StoredSizes storedSizes = new StoredSizes();
    /** False while the superclass's constructor runs (which asks for the data size only to log it). */
    private final boolean open;

    StandInH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                             MVMap<Object, Document> documents, MVMap<String, Object> meta,
                             CursorRegistry cursorRegistry, Supplier<IdleCursors> idleCursors) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
        this.idleCursors = idleCursors;
        open = true;
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        Object id = isMulti || !arrayFilters.isEmpty() ? null : plainId(selector);
        Optional<DirectChange> direct = id == null ? Optional.empty() : DirectChange.of(updateQuery, getIdField());
        if (selector.size() > 1) {
            // An upsert of an update (not a replacement) would take the selector's other fields into the document.
            direct = direct.filter(DirectReplacement.class::isInstance);
        }
        if (direct.isPresent()) {
            Document reply = update(selector, id, updateQuery, direct.get(), isUpsert, oplog);
            if (reply != null) {
                return reply;
            }
        }
        return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
    }

    /** The reply, or null (nothing changed) when the general path has to do it. */
    private Document update(Document selector, Object id, Document updateQuery, DirectChange direct, boolean isUpsert,
                            Oplog oplog) {
        Index<Object> idIndex = getIndexes().stream().filter(index -> index.canHandle(selector)).findFirst()
                .orElse(null);
        if (idIndex == null) {
            return null;
        }
        Iterator<Object> positions = idIndex.getPositions(selector).iterator();
        if (positions.hasNext()) {
            Object position = positions.next();
            Document stored = getDocument(position);
            Document updated = stored == null ? null : direct.applyTo(stored, false).orElse(null);
            if (updated == null) {
                return null;
            }
            boolean written = updated != stored;
            boolean modified = written && direct.countsAsModified(stored, updated);
            if (written) {
                for (Index<Object> index : getIndexes()) {
                    index.checkUpdate(stored, updated, this);
                }
                for (Index<Object> index : getIndexes()) {
                    index.updateInPlace(stored, updated, position, this);
                }
                handleUpdate(position, stored, updated);
            }
            oplog.handleUpdate(getFullName(), selector, updateQuery,
                    modified ? List.of(stored.get(getIdField())) : List.of());
            return new Document("n", 1).append("nModified", modified ? 1 : 0);
        }
        if (!isUpsert) {
            oplog.handleUpdate(getFullName(), selector, updateQuery, List.of());
            return new Document("n", 0).append("nModified", 0);
        }
        Document inserted = direct.applyTo(new Document(getIdField(), id), true).orElse(null);
        if (inserted == null) {
            return null;
        }
        addDocument(inserted);
        oplog.handleInsert(getFullName(), List.of(inserted));
        return new Document("upserted", id).append("n", 0).append("nModified", 0);
    }

    /**
     * The id a selector names exactly, of a plain type, or null: {@code {_id: value}}, or {@code _id} with other fields
     * of plain values ({@code {_id: value, v: 3}}, a versioned write's guard). The document is then looked up by the
     * unique index on exactly the selector's fields, so it matches the selector when found; without such an index the
     * general path answers.
     */
    private Object plainId(Document selector) {
        if (getIdField() == null || !selector.entrySet().stream().allMatch(field -> isPlainValue(field.getValue())
                && !field.getKey().startsWith("$") && !field.getKey().contains("."))) {
            return null;
        }
        return selector.get(getIdField());
    }

    private static boolean isPlainValue(Object value) {
        return value instanceof String || value instanceof Integer || value instanceof Long || value instanceof ObjectId;
    }

    /**
     * The general path matches each document the index found against the query again: for {@code {_id: {$in: [n
     * ids]}}} that compares each of the n documents with every id, n² comparisons (a third of the analytics
     * stand-in's time in its queries). The index has found exactly the documents whose {@code _id} is one of those
     * values, so for plain values (strings, numbers, object ids) they match by construction.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Document matching = isPlainIdIn(query) ? new Document() : query;
        return super.matchDocuments(matching, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    private boolean isPlainIdIn(Document query) {
        if (query.size() != 1 || !(query.get(getIdField()) instanceof Document condition) || condition.size() != 1
                || !(condition.get("$in") instanceof Collection<?> values)) {
            return false;
        }
        return values.stream().allMatch(v -> v instanceof String || v instanceof Number || v instanceof ObjectId);
    }

    /**
     * As the general path, but a projection that only includes fields is applied by {@link InclusionProjection}, and
     * the reply's batches are sized by the stored documents ({@link StoredSizes}).
     */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream, int numberToSkip,
                                                   int limit, int batchSize, Comparator<Document> documentComparator,
                                                   Document fieldSelector) {
        boolean whole = fieldSelector == null || fieldSelector.isEmpty();
        Optional<InclusionProjection> projection = InclusionProjection.of(fieldSelector, getIdField());
        if (!open || !whole && projection.isEmpty()) {
            return super.matchDocumentsFromStream(query, documentStream, numberToSkip, limit, batchSize,
                    documentComparator, fieldSelector);
        }
        List<Document> matched = matching(query, documentStream, numberToSkip, limit, documentComparator);
        List<Document> results = whole ? matched : projection.get().projectAll(matched);
        if (results == null) {
            // An array on a dotted path: the general projection, of the documents already matched.
            return super.matchDocumentsFromStream(new Document(), matched.stream(), 0, 0, batchSize, null,
                    fieldSelector);
        }
        return batchSize <= 0 ? super.createQueryResult(results, batchSize)
                : batched(ReplyDocuments.of(results, matched, storedSizes, getIdField()), batchSize);
    }

    /** The documents matching, ordered, skipped and limited as the general path does. */
    private List<Document> matching(Document query, Stream<Document> documentStream, int numberToSkip, int limit,
                                    Comparator<Document> documentComparator) {
        Stream<Document> matching = documentStream.filter(document -> documentMatchesQuery(document, query));
        if (documentComparator != null) {
            matching = matching.sorted(documentComparator);
        }
        if (numberToSkip > 0) {
            matching = matching.skip(numberToSkip);
        }
        if (limit > 0) {
            matching = matching.limit(limit);
        }
        return matching.toList();
    }

    /**
     * A find asks for a batch size (the database sets MongoDB's default when it does not): cut its documents into
     * batches. Without one, the query comes from inside the server (an update's or a delete's matching) and its
     * caller iterates every document, so all stay in the result.
     */
    @Override
    protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
        return batchSize <= 0 ? super.createQueryResult(matchedDocuments, batchSize)
                : batched(ReplyDocuments.of(matchedDocuments), batchSize);
    }

    private QueryResult batched(ReplyDocuments documents, int batchSize) {
        int first = ReplyBatches.size(documents, batchSize);
        List<Document> batch = documents.first(first);
        ReplyDocuments rest = documents.from(first);
        return rest.isEmpty() ? new QueryResult(batch) : new QueryResult(batch, cursorOver(rest));
    }

    @Override
    protected Cursor createCursor(List<Document> remainingDocuments) {
        return cursorOver(ReplyDocuments.of(remainingDocuments));
    }

    private Cursor cursorOver(ReplyDocuments remaining) {
        BatchedCursor cursor = new BatchedCursor(cursorRegistry.generateCursorId(), remaining);
        idleCursors.get().add(cursor);
        return cursor;
    }

    /** The stored document changes (in place, on the general path): its size bound with it. */
    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        storedSizes.forget(position);
        super.handleUpdate(position, oldDocument, newDocument);
    }

    @Override
    protected void removeDocument(Object position) {
        storedSizes.forget(position);
        super.removeDocument(position);
    }

    /**
     * The collection's data size is computed when asked for (statistics) instead of kept up to date by every write:
     * keeping it encoded each document twice per update, a quarter of the processor time of a counter update.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected int getDataSize() {
        if (!open) {
            return 0;
        }
        long size = streamAllDocumentsWithPosition().mapToLong(stored -> EncodedSize.of(stored.getDocument())).sum();
        return (int) Math.min(Integer.MAX_VALUE, size);
    }
}
