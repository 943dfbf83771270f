package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A unique index kept in an MVMap whose keys are stored and ordered by {@link IndexKeyType}. A document's key is read
 * directly where the index's fields are plain names and none of the document's values for them is an array (the
 * usual {@code _id}, or {@code {_id, v}}): the general code splits every field name with a regular expression and
 * streams over the fields twice per insert, a fifth of the stand-in's processor time during a replay, and reads each
 * key five times per update (two fifths of the stand-in's time under versioned replacements).
 */
final class KeyedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> positions;
    /** The index's fields, when none of them is a path; null otherwise. */
    private final List<String> plainFields;

    KeyedUniqueIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
        List<String> fields = keys.stream().map(IndexKey::getKey).toList();
        this.plainFields = sparse || fields.stream().anyMatch(field -> field.contains(".")) ? null : fields;
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        KeyValue key = plainKey(document);
        if (key == null) {
            super.checkAdd(document, collection);
        } else if (containsKey(key.normalized())) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        KeyValue key = plainKey(document);
        if (key == null) {
            super.add(document, position, collection);
            return;
        }
        KeyValue normalized = key.normalized();
        if (containsKey(normalized)) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
        putKeyPosition(normalized, position);
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        KeyValue oldKey = plainKey(oldDocument);
        KeyValue newKey = plainKey(newDocument);
        if (oldKey == null || newKey == null) {
            super.checkUpdate(oldDocument, newDocument, collection);
            return;
        }
        KeyValue newNormalized = newKey.normalized();
        if (oldKey.normalized().equals(newNormalized)) {
            return;
        }
        Object oldPosition = getPosition(oldKey.normalized());
        Object position = getPosition(newNormalized);
        if (position != null && !position.equals(oldPosition)) {
            throw new DuplicateKeyError(this, collection, getKeys(), newKey);
        }
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        KeyValue oldKey = plainKey(oldDocument);
        KeyValue newKey = plainKey(newDocument);
        if (oldKey == null || newKey == null) {
            super.updateInPlace(oldDocument, newDocument, position, collection);
            return;
        }
        KeyValue oldNormalized = oldKey.normalized();
        if (oldNormalized.equals(newKey.normalized())) {
            return;
        }
        synchronized (this) {
            Object removed = removeDocument(oldNormalized);
            if (removed != null && !removed.equals(position)) {
                throw new IllegalStateException("Index " + getName() + " held " + oldKey + " at " + removed
                        + ", not at " + position);
            }
            add(newDocument, position, collection);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        KeyValue key = plainKey(document);
        return key == null ? super.remove(document) : removeDocument(key.normalized());
    }

    @Override
    public Object getPosition(Document document) {
        KeyValue key = plainKey(document);
        return key == null ? super.getPosition(document) : getPosition(key.normalized());
    }

    /** The document's key, as the general code reads it before normalizing; null where that code has to read it. */
    private KeyValue plainKey(Document document) {
        if (plainFields == null) {
            return null;
        }
        List<Object> values = new ArrayList<>(plainFields.size());
        for (String field : plainFields) {
            Object value = document.getOrMissing(field);
            if (value instanceof Collection) {
                return null;
            }
            values.add(value);
        }
        return new KeyValue(values);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
