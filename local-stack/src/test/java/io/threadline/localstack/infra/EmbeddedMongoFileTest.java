package io.threadline.localstack.infra;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file-backed stand-in through the real driver: its indexes and documents across a restart and across the older file layout. */
class EmbeddedMongoFileTest {

    @TempDir
    Path dir;

    @Test
    void uniqueIndexesHoldAcrossARestart() {
        Path file = dir.resolve("read-models.mv");
        ObjectId objectId = new ObjectId();
        withStandIn(file, entries -> {
            entries.createIndex(Indexes.ascending("customer", "sequence"), new IndexOptions().unique(true));
            entries.insertMany(List.of(
                    new Document("_id", "2026-11-23|c-1|T-1|1").append("customer", "c-1").append("sequence", 1),
                    new Document("_id", 42L).append("customer", "c-1").append("sequence", 2),
                    new Document("_id", objectId).append("customer", "c-2").append("sequence", 1)));
            assertRefused(() -> entries.insertOne(new Document("_id", "other").append("customer", "c-1").append("sequence", 2)));
        });

        withStandIn(file, entries -> {
            assertThat(entries.find(Filters.eq("_id", "2026-11-23|c-1|T-1|1")).first()).containsEntry("sequence", 1);
            assertThat(entries.find(Filters.eq("_id", 42L)).first()).containsEntry("customer", "c-1");
            assertThat(entries.find(Filters.in("_id", objectId, 42L, "absent")).into(new java.util.ArrayList<>())).hasSize(2);
            assertRefused(() -> entries.insertOne(new Document("_id", 42L)));
            assertRefused(() -> entries.insertOne(new Document("_id", "x").append("customer", "c-2").append("sequence", 1)));

            entries.updateOne(Filters.eq("_id", objectId), Updates.set("sequence", 3));
            entries.insertOne(new Document("_id", "y").append("customer", "c-2").append("sequence", 1));
            entries.deleteOne(Filters.eq("_id", 42L));
            entries.insertOne(new Document("_id", 42L).append("customer", "c-3").append("sequence", 1));
        });

        withStandIn(file, entries -> {
            assertThat(entries.countDocuments()).isEqualTo(4);
            assertThat(entries.find(Filters.eq("_id", 42L)).first()).containsEntry("customer", "c-3");
            assertRefused(() -> entries.insertOne(new Document("_id", "z").append("customer", "c-2").append("sequence", 3)));
        });
    }

    @Test
    void aFileFromTheBackendsOwnIndexLayoutGetsItsIndexesRebuilt() {
        Path file = dir.resolve("older.mv");
        MongoServer older = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(older.bind()))) {
            MongoCollection<Document> entries = client.getDatabase("history").getCollection("entries");
            entries.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            entries.insertMany(List.of(new Document("_id", "a").append("key", 1), new Document("_id", "b").append("key", 2)));
        } finally {
            older.shutdown();
        }

        withStandIn(file, entries -> {
            assertThat(entries.find(Filters.eq("_id", "b")).first()).containsEntry("key", 2);
            assertRefused(() -> entries.insertOne(new Document("_id", "a")));
            assertRefused(() -> entries.insertOne(new Document("_id", "c").append("key", 2)));
            entries.insertOne(new Document("_id", "c").append("key", 3));
            entries.updateOne(Filters.eq("_id", "a"), Updates.set("seen", true));
        });
        withStandIn(file, entries -> assertThat(entries.find().sort(Indexes.ascending("_id")).into(new java.util.ArrayList<>()))
                .as("documents stored the older way and the new way, side by side")
                .containsExactly(new Document("_id", "a").append("key", 1).append("seen", true),
                        new Document("_id", "b").append("key", 2), new Document("_id", "c").append("key", 3)));

        MVStore store = MVStore.open(file.toString());
        try {
            assertThat(store.getMapNames()).noneMatch(name -> name.contains("._index_"))
                    .anyMatch(name -> name.equals("history.entries._keyed_index_key_1"));
        } finally {
            store.close();
        }
    }

    private static void withStandIn(Path file, Consumer<MongoCollection<Document>> use) {
        try (EmbeddedMongo mongo = EmbeddedMongo.startFileBacked("127.0.0.1", 0, file, false);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            use.accept(client.getDatabase("history").getCollection("entries"));
        }
    }

    private static void assertRefused(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
