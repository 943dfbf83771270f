package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.time.Duration;
import java.util.List;

/**
 * mongo-java-server's H2 backend with its unique indexes (every {@code _id} among them) keyed by
 * {@link IndexKeyType}, its documents stored as BSON ({@link DocumentType}), its common updates computed directly
 * and its query results cut into batches as MongoDB cuts them ({@link StandInH2Collection}). The index maps have names of their
 * own: a file written by the plain backend keeps its documents, drops its old index maps and has its indexes
 * rebuilt from the documents when first opened.
 */
public final class KeyedIndexH2Backend extends H2Backend {

    private static final String INDEX_MAP = "._keyed_index_";
    private static final String PLAIN_INDEX_MAP = "._index_";
    /** The backend's own names for a collection's maps, which its drop and rename also use. */
    private static final String DOCUMENTS_MAP = "databases.";
    private static final String META_MAP = "meta.";

    /** MongoDB's default: a cursor nobody reads from for ten minutes is closed. */
    static final Duration CURSOR_IDLE_LIMIT = Duration.ofMinutes(10);

    private final Duration cursorIdleLimit;
    private IdleCursors idleCursors;

    public KeyedIndexH2Backend(MVStore store) {
        this(store, CURSOR_IDLE_LIMIT);
    }

    KeyedIndexH2Backend(MVStore store, Duration cursorIdleLimit) {
        super(store);
        this.cursorIdleLimit = cursorIdleLimit;
    }

    /**
     * The cursors left open, closed when idle. Made on first use: the superclass's constructor opens the databases
     * already in the file before this class's fields are set.
     */
    synchronized IdleCursors idleCursors() {
        if (idleCursors == null) {
            idleCursors = new IdleCursors(getCursorRegistry(), cursorIdleLimit);
        }
        return idleCursors;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (idleCursors != null) {
                idleCursors.close();
            }
        }
        super.close();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class, so that it reaches the store while H2Database's constructor, which opens the indexes,
     * still runs (the superclass keeps its own copy private).
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /** A find that asks for no batch size gets MongoDB's first batch, the rest by getMore ({@link ReplyBatches}). */
        @Override
        public Document handleCommand(Channel channel, String command, Document query,
                                      DatabaseResolver databaseResolver, Oplog oplog) {
            if (command.equalsIgnoreCase("find") && !query.containsKey("batchSize")
                    && !Boolean.TRUE.equals(query.get("singleBatch"))) {
                Document sized = query.clone();
                sized.put("batchSize", ReplyBatches.FIRST_BATCH);
                return super.handleCommand(channel, command, sized, databaseResolver, oplog);
            }
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                        List<IndexKey> keys, boolean sparse) {
            MVStore store = getMvStore();
            store.removeMap(getFullCollectionNamespace(collectionName) + PLAIN_INDEX_MAP + indexName);
            MVMap<KeyValue, Object> positions = store.openMap(indexMapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
            return new KeyedUniqueIndex(positions, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = store.openMap(DOCUMENTS_MAP + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
            MVMap<String, Object> meta = store.openMap(META_MAP + namespace);
            return new StandInH2Collection(this, collectionName, options, documents, meta, cursorRegistry,
                    KeyedIndexH2Backend.this::idleCursors);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(indexMapName(collection.getCollectionName(), indexName));
        }

        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + INDEX_MAP + indexName;
        }
    }
}
