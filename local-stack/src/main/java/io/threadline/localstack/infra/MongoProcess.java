package io.threadline.localstack.infra;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of the MongoDB stand-in process of the local stack:
 * {@code MongoProcess <port> <dataFile> [--change-streams]}. Runs until terminated.
 */
public final class MongoProcess {

    /** Keeps an oplog so change streams work; only a server whose collections are tailed needs it. */
    public static final String CHANGE_STREAMS = "--change-streams";

    private MongoProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        Path dataFile = Path.of(args[1]);
        boolean changeStreams = Arrays.asList(args).contains(CHANGE_STREAMS);

        EmbeddedMongo mongo = EmbeddedMongo.startFileBacked("localhost", port, dataFile, changeStreams);
        System.out.println("MongoDB stand-in ready on " + mongo.connectionString() + ", data in " + dataFile
                + (changeStreams ? ", change streams on" : ""));
        UntilTerminated.close(mongo);
    }
}
