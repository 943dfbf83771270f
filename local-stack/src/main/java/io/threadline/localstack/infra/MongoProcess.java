package io.threadline.localstack.infra;

import java.nio.file.Path;

/**
 * Entry point of the MongoDB stand-in process of the local stack:
 * {@code MongoProcess <port> <dataFile>}. Runs until terminated.
 */
public final class MongoProcess {

    private MongoProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        Path dataFile = Path.of(args[1]);

        EmbeddedMongo mongo = EmbeddedMongo.startFileBacked("localhost", port, dataFile);
        System.out.println("MongoDB stand-in ready on " + mongo.connectionString() + ", data in " + dataFile);
        UntilTerminated.close(mongo);
    }
}
