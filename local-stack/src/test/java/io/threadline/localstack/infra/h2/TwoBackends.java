package io.threadline.localstack.infra.h2;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in's backend next to mongo-java-server's own H2 backend, each behind a real server and driver: a step run
 * on both must give the same reply (or the same error), and both must end with the same documents and statistics.
 * As a JUnit extension, it gives each test method a fresh pair and closes it afterwards.
 */
final class TwoBackends implements AutoCloseable {

    /** Resolves a {@link TwoBackends} parameter with a fresh pair, closed after the test. */
    static final class Extension implements ParameterResolver, AfterEachCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TwoBackends.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TwoBackends.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            TwoBackends backends = new TwoBackends();
            context.getStore(NAMESPACE).put(TwoBackends.class, backends);
            return backends;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            TwoBackends backends = context.getStore(NAMESPACE).remove(TwoBackends.class, TwoBackends.class);
            if (backends != null) {
                backends.close();
            }
        }
    }

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();
    final MongoCollection<Document> general;
    final MongoCollection<Document> keyed;

    TwoBackends() {
        general = collectionOn(new H2Backend(MVStore.open(null)));
        keyed = collectionOn(new KeyedIndexH2Backend(MVStore.open(null)));
    }

    /** Runs the step on both: the same reply, or the same error. */
    void same(Function<MongoCollection<Document>, Object> step) {
        assertThat(outcome(step, keyed)).isEqualTo(outcome(step, general));
    }

    /** The same documents, and the same statistics (the stand-in computes its data size when asked for it). */
    void sameContents() {
        assertThat(keyed.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                .isEqualTo(general.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                .isNotEmpty();
        assertThat(statistics(1)).isEqualTo(statistics(0));
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdown);
    }

    private List<Object> statistics(int server) {
        Document stats = clients.get(server).getDatabase("test").runCommand(new Document("collStats", "docs"));
        assertThat(stats.get("size", Number.class).longValue()).isPositive();
        return List.of(stats.get("count"), stats.get("size"));
    }

    private static Object outcome(Function<MongoCollection<Document>, Object> step, MongoCollection<Document> on) {
        try {
            Object reply = step.apply(on);
            if (reply instanceof UpdateResult result) {
                return List.of(result.getMatchedCount(), result.getModifiedCount(), String.valueOf(result.getUpsertedId()));
            }
            return reply;
        } catch (MongoException e) {
            return "error " + e.getCode();
        }
    }

    private MongoCollection<Document> collectionOn(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        servers.add(server);
        MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        clients.add(client);
        return client.getDatabase("test").getCollection("docs");
    }
}
