package io.threadline.localstack.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.threadline.localstack.infra.h2.KeyedIndexH2Backend;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB wire-compatible stand-in (mongo-java-server). File-backed through H2 so data survives a
 * restart, or in memory for tests.
 *
 * <p>The oplog, which change streams read, costs every write a second insert and is never trimmed, so a
 * file-backed server keeps one only when asked: the event store's, which ticket-service's relay tails. The
 * in-memory servers of the tests always have it, as a real replica set does.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** MVStore's page cache, in MB (H2's default is 16): the read models' hot pages stay deserialized. */
    private static final int PAGE_CACHE_MB = 256;
    /** Unsaved changes, in KB, that make MVStore write to the file before its one-second autocommit. */
    private static final int WRITE_BUFFER_KB = 16 * 1024;

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** Starts a file-backed server; {@code dataFile} is created with its parent directories. */
    public static EmbeddedMongo startFileBacked(String host, int port, Path dataFile, boolean changeStreams) {
        try {
            Files.createDirectories(dataFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dataFile.getParent(), e);
        }
        MVStore store = new MVStore.Builder()
                .fileName(dataFile.toAbsolutePath().toString())
                .cacheSize(PAGE_CACHE_MB)
                .autoCommitBufferSize(WRITE_BUFFER_KB)
                .open();
        return start(new KeyedIndexH2Backend(store), host, port, changeStreams);
    }

    /** Starts an in-memory server, with change streams, on a free port of {@code host}. */
    public static EmbeddedMongo startInMemory(String host) {
        return start(new MemoryBackend(), host, 0, true);
    }

    private static EmbeddedMongo start(MongoBackend backend, String host, int port, boolean changeStreams) {
        MongoServer server = new MongoServer(backend);
        if (changeStreams) {
            server.enableOplog();
        }
        server.bind(host, port);
        return new EmbeddedMongo(server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
