package io.threadline.localstack.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB wire-compatible stand-in (mongo-java-server). File-backed through H2 so data survives a
 * restart, or in memory for tests. The oplog is on so change streams work, as on a real replica set.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** Starts a file-backed server; {@code dataFile} is created with its parent directories. */
    public static EmbeddedMongo startFileBacked(String host, int port, Path dataFile) {
        try {
            Files.createDirectories(dataFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dataFile.getParent(), e);
        }
        return start(new MongoServer(new H2Backend(dataFile.toAbsolutePath().toString())), host, port);
    }

    /** Starts an in-memory server on a free port of {@code host}. */
    public static EmbeddedMongo startInMemory(String host) {
        return start(new MongoServer(new MemoryBackend()), host, 0);
    }

    private static EmbeddedMongo start(MongoServer server, String host, int port) {
        server.enableOplog();
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
