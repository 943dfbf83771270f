package io.threadline.localstack.infra.h2;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An {@code _id} {@code $in} whose documents the stand-in takes from the index without matching them again finds,
 * sorts, projects, counts, updates and deletes exactly what mongo-java-server's general path does: ids of equal
 * numbers across types, missing and repeated ids, and lists the index cannot take as they are.
 */
@ExtendWith(TwoBackends.Extension.class)
class IdInQueryTest {

    private static final ObjectId OBJECT_ID = new ObjectId("65f0c0ffee00000000000001");

    @Test
    void findsWhatTheGeneralPathFinds(TwoBackends backends) {
        fill(backends);
        Bson ids = Filters.in("_id", List.of("d-5", "d-7", "d-7", "missing", 1L, 2, 3.0, OBJECT_ID, "d-299"));

        backends.same(c -> c.find(ids).sort(Sorts.ascending("seq")).into(new ArrayList<>()));
        backends.same(c -> c.find(ids).sort(Sorts.descending("seq")).skip(1).limit(3)
                .projection(Projections.include("seq")).into(new ArrayList<>()));
        backends.same(c -> c.countDocuments(ids));
        backends.same(c -> c.find(Filters.in("_id", List.of())).into(new ArrayList<>()));
        // Not plain values: the general path for both.
        backends.same(c -> c.find(Filters.in("_id", List.of(new BsonRegularExpression("^d-1.$"), "d-3")))
                .sort(Sorts.ascending("seq")).into(new ArrayList<>()));
        backends.same(c -> c.find(Filters.and(Filters.in("_id", List.of("d-5", "d-6")), Filters.gt("seq", 5)))
                .into(new ArrayList<>()));
        backends.sameContents();
    }

    @Test
    void updatesAndDeletesByIdListReachTheSameDocuments(TwoBackends backends) {
        fill(backends);

        backends.same(c -> c.updateMany(Filters.in("_id", List.of("d-1", "d-2", 1, "missing")), Updates.inc("n", 1)));
        backends.same(c -> c.deleteMany(Filters.in("_id", List.of("d-3", 2.0, OBJECT_ID))).getDeletedCount());
        backends.sameContents();
    }

    private static void fill(TwoBackends backends) {
        List<Document> docs = new ArrayList<>(IntStream.range(0, 300)
                .mapToObj(i -> new Document("_id", "d-" + i).append("seq", i)).toList());
        docs.add(new Document("_id", 1).append("seq", 1000));
        docs.add(new Document("_id", 2L).append("seq", 1001));
        docs.add(new Document("_id", 3.0).append("seq", 1002));
        docs.add(new Document("_id", OBJECT_ID).append("seq", 1003));
        backends.same(c -> c.insertMany(docs).getInsertedIds().size());
    }
}
