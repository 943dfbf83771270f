package io.threadline.localstack.infra.h2;

import com.mongodb.MongoInternalException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finds answered in batches as MongoDB cuts them read exactly what mongo-java-server's single reply holds, with any
 * batch size, limit or single batch; updates and deletes inside the server still reach every matching document; and
 * a collection larger than one reply may hold is read whole.
 */
@ExtendWith(TwoBackends.Extension.class)
class ReplyBatchesTest {

    @Test
    void findsReadTheSameDocumentsWhateverTheBatches(TwoBackends backends) {
        backends.same(c -> c.insertMany(numbered(250)).getInsertedIds().size());

        backends.same(c -> c.find().sort(Sorts.ascending("seq")).into(new ArrayList<>()));
        backends.same(c -> c.find().sort(Sorts.descending("seq")).batchSize(7).into(new ArrayList<>()));
        backends.same(c -> c.find(Filters.gte("seq", 40)).sort(Sorts.ascending("seq")).limit(150).into(new ArrayList<>()));
        backends.same(c -> c.find().sort(Sorts.ascending("seq")).limit(-150).into(new ArrayList<>()));
        backends.same(c -> c.find(Filters.eq("seq", 249)).first());
        backends.same(c -> c.find().sort(Sorts.ascending("seq")).skip(120).into(new ArrayList<>()).size());
        backends.sameContents();
    }

    @Test
    void updatesAndDeletesReachEveryMatchingDocument(TwoBackends backends) {
        backends.same(c -> c.insertMany(numbered(250)).getInsertedIds().size());

        backends.same(c -> c.updateMany(Filters.gte("seq", 0), Updates.inc("seen", 1)));
        backends.same(c -> c.countDocuments(Filters.eq("seen", 1)));
        backends.same(c -> c.deleteMany(Filters.lt("seq", 200)).getDeletedCount());
        backends.sameContents();
    }

    @Test
    void aCollectionLargerThanOneReplyIsReadWhole(TwoBackends backends) {
        // 600 documents of 100 KB: 60 MB, more than the 48 MB one reply may hold, and more than three 16 MiB batches.
        String filler = "x".repeat(100_000);
        for (MongoCollection<Document> collection : List.of(backends.general, backends.keyed)) {
            for (int from = 0; from < 600; from += 100) {
                collection.insertMany(IntStream.range(from, from + 100)
                        .mapToObj(i -> new Document("_id", i).append("filler", filler)).toList());
            }
        }

        assertThatThrownBy(() -> backends.general.find().into(new ArrayList<>()))
                .isInstanceOf(MongoInternalException.class).hasMessageContaining("maximum message length");
        List<Integer> ids = new ArrayList<>();
        backends.keyed.find().sort(Sorts.ascending("_id")).forEach(doc -> ids.add(doc.getInteger("_id")));
        assertThat(ids).isEqualTo(IntStream.range(0, 600).boxed().toList());
    }

    private static List<Document> numbered(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Document("_id", "d-" + i).append("seq", i)).toList();
    }
}
