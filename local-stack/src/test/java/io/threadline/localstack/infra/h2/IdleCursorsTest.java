package io.threadline.localstack.infra.h2;

import com.mongodb.MongoCursorNotFoundException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cursors left idle are closed, as MongoDB closes them; cursors read to the end or killed are forgotten. */
class IdleCursorsTest {

    private MongoServer server;
    private MongoClient client;

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aCursorLeftIdleIsClosedAndItsNextReadFails() {
        KeyedIndexH2Backend backend = start(Duration.ZERO);
        MongoCursor<Document> cursor = filled().find().batchSize(10).iterator();
        IntStream.range(0, 10).forEach(i -> cursor.next());
        assertThat(backend.idleCursors().size()).isEqualTo(1);

        backend.idleCursors().closeIdle();

        assertThat(backend.idleCursors().size()).isZero();
        assertThatThrownBy(cursor::next).isInstanceOf(MongoCursorNotFoundException.class);
    }

    @Test
    void aCursorInUseStaysAndCursorsReadToTheEndOrKilledAreForgotten() {
        KeyedIndexH2Backend backend = start(KeyedIndexH2Backend.CURSOR_IDLE_LIMIT);
        MongoCollection<Document> docs = filled();
        MongoCursor<Document> reading = docs.find().batchSize(10).iterator();
        reading.next();
        MongoCursor<Document> killed = docs.find().batchSize(10).iterator();
        killed.next();
        killed.close();

        backend.idleCursors().closeIdle();

        assertThat(backend.idleCursors().size()).isEqualTo(1);
        int read = 1;
        while (reading.hasNext()) {
            reading.next();
            read++;
        }
        assertThat(read).isEqualTo(300);
        backend.idleCursors().closeIdle();
        assertThat(backend.idleCursors().size()).isZero();
    }

    private KeyedIndexH2Backend start(Duration idleLimit) {
        KeyedIndexH2Backend backend = new KeyedIndexH2Backend(MVStore.open(null), idleLimit);
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        return backend;
    }

    private MongoCollection<Document> filled() {
        MongoCollection<Document> docs = client.getDatabase("test").getCollection("docs");
        docs.insertMany(IntStream.range(0, 300).mapToObj(i -> new Document("_id", i)).toList());
        return docs;
    }
}
