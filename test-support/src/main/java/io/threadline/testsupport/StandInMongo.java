package io.threadline.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.threadline.localstack.infra.EmbeddedMongo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * For store and projection tests without Quarkus: {@code @ExtendWith(StandInMongo.class)} and a
 * {@link MongoDatabase} parameter give each test an empty database on an in-memory MongoDB stand-in, started
 * once for the whole test run.
 */
public class StandInMongo implements ParameterResolver {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == MongoDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Server server = extension.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Server.class, key -> new Server(), Server.class);
        return server.client.getDatabase("test-" + DATABASES.incrementAndGet());
    }

    /** The stand-in and a client on it, closed when the test run ends. */
    private static final class Server implements ExtensionContext.Store.CloseableResource {

        private final EmbeddedMongo mongo = EmbeddedMongo.startInMemory("localhost");
        private final MongoClient client = MongoClients.create(mongo.connectionString());

        @Override
        public void close() {
            client.close();
            mongo.close();
        }
    }
}
