package io.threadline.history.mongo;

import com.mongodb.client.MongoDatabase;
import io.threadline.testsupport.StandInMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Read-modify-write under optimistic concurrency on the MongoDB stand-in. */
@ExtendWith(StandInMongo.class)
class VersionedCollectionTest {

    /** A counter per id. */
    private static final DocumentCodec<Long> COUNTER = new DocumentCodec<>() {
        @Override
        public Document toDocument(Long value) {
            return new Document("_id", "id").append("count", value);
        }

        @Override
        public Long fromDocument(Document document) {
            return Fields.longValue(document, "count");
        }

        @Override
        public Long empty(String id) {
            return 0L;
        }
    };

    private VersionedCollection<Long> counters;

    @BeforeEach
    void freshCollection(MongoDatabase database) {
        counters = new VersionedCollection<>(database.getCollection("counters"), COUNTER);
        counters.createIndexes();
    }

    @Test
    void theWriteGuardNamesExactlyTheFieldsOfTheVersionIndex() {
        // The stand-in serves a query from an index only when its keys are the index's keys, without operators.
        assertThat(VersionedCollection.guard("id", 7).toBsonDocument().toJson())
                .isEqualTo("{\"_id\": \"id\", \"v\": 7}");
    }

    @Test
    void concurrentIncrementsAreAllKept() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    counters.update(List.of("id"), (id, count) -> count + 1);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(counters.get("id")).isEqualTo(200L);
    }

    @Test
    void aCachedDocumentChangedByAnotherWriterIsReadAgainNotOverwritten(MongoDatabase database) {
        VersionedCollection<Long> cached = new VersionedCollection<>(database.getCollection("counters"), COUNTER, 10);
        VersionedCollection<Long> other = new VersionedCollection<>(database.getCollection("counters"), COUNTER);
        cached.update(List.of("id"), (id, count) -> count + 1);
        other.update(List.of("id"), (id, count) -> count + 10);

        // The cache still holds 1: the write computed from it fails its guard, and the change runs on the fresh 11.
        assertThat(cached.update(List.of("id"), (id, count) -> count + 1)).containsEntry("id", 12L);
        // A change that leaves the cached value as it was is not taken from the cache on trust.
        other.update(List.of("id"), (id, count) -> count + 100);
        assertThat(cached.update(List.of("id"), (id, count) -> count)).containsEntry("id", 112L);
        assertThat(other.get("id")).isEqualTo(112L);
    }

    @Test
    void aCachedDocumentIsNotReadBeforeItsNextWrite(MongoDatabase database) {
        VersionedCollection<Long> cached = new VersionedCollection<>(database.getCollection("counters"), COUNTER, 10);
        cached.update(List.of("id"), (id, count) -> count + 1);
        // Removed behind the cache's back: the next write, from the cached version, finds no document of that
        // version and inserts one, so the cache was used (a read would have started from 0).
        database.getCollection("counters").deleteMany(new Document());

        assertThat(cached.update(List.of("id"), (id, count) -> count + 1)).containsEntry("id", 2L);
    }

    @Test
    void anUnchangedValueIsNotWrittenAndNullDeletes() {
        assertThat(counters.update(List.of("id"), (id, count) -> count)).containsEntry("id", 0L);
        assertThat(counters.collection().countDocuments()).isZero();
        counters.update(List.of("id"), (id, count) -> count + 1);
        assertThat(counters.find(List.of("id", "other"))).isEqualTo(Map.of("id", 1L));
        counters.update(List.of("id"), (id, count) -> null);
        assertThat(counters.collection().countDocuments()).isZero();
    }
}
