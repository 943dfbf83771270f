package io.threadline.localstack.infra.h2;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projections that only include fields, which the stand-in applies itself, give exactly what mongo-java-server's
 * general projection gives: nested paths (and the empty sub-document when none is there), plain and missing fields,
 * null values, the id included, excluded or implicit, paths given out of order, scalars and arrays on a path, and the
 * projections it leaves to the general path (exclusions, colliding paths, arrays on a path).
 */
@ExtendWith(TwoBackends.Extension.class)
class InclusionProjectionTest {

    @Test
    void includedPathsGiveWhatTheGeneralProjectionGives(TwoBackends backends) {
        fill(backends);
        Bson ids = Filters.in("_id", List.of("d-3", "d-4", "d-5", "d-6", "scalar", "missing"));

        for (Bson projection : List.of(
                Projections.include("t.email|NORMAL", "t.sms|LOW"),
                Projections.include("t.email|NORMAL.frt_n", "name"),
                Projections.include("t.nobody", "q.1.email|NORMAL"),
                Projections.include("name", "nothing", "empty"),
                Projections.fields(Projections.include("t.email|NORMAL"), Projections.excludeId()),
                Projections.include("_id", "t.sms|LOW"),
                new Document("q.1.email|NORMAL", 1).append("name", true).append("q.0", 1.0),
                new Document("t.email|NORMAL", 1).append("name", 0)
        )) {
            backends.same(c -> c.find(ids).projection(projection).sort(Sorts.ascending("_id")).into(new ArrayList<>()));
            backends.same(c -> c.find().projection(projection).sort(Sorts.descending("seq")).skip(2).limit(5)
                    .into(new ArrayList<>()));
        }
        backends.sameContents();
    }

    @Test
    void leavesWhatItCannotProjectToTheGeneralPath(TwoBackends backends) {
        fill(backends);
        backends.same(c -> c.insertOne(new Document("_id", "listed").append("seq", 99)
                .append("t", List.of(new Document("email|NORMAL", 1), new Document("sms|LOW", 2)))).getInsertedId()
                .toString());

        for (Bson projection : List.of(
                Projections.include("t.email|NORMAL"),
                Projections.exclude("q"),
                new Document("t", 1).append("t.sms|LOW", 1),
                new Document("t.sms|LOW", 1).append("t", 1),
                Projections.excludeId()
        )) {
            backends.same(c -> c.find().projection(projection).sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        backends.sameContents();
    }

    @Test
    void projectedReplyIsCutIntoBatchesLikeAnyOther(TwoBackends backends) {
        fill(backends);
        List<Document> all = backends.keyed.find().projection(Projections.include("t.email|NORMAL"))
                .batchSize(3).into(new ArrayList<>());

        assertThat(all).hasSize(32);
        backends.same(c -> c.find().projection(Projections.include("t.email|NORMAL")).batchSize(3)
                .sort(Sorts.ascending("_id")).into(new ArrayList<>()));
    }

    @Test
    void takesOnlyPlainInclusions() {
        assertThat(InclusionProjection.of(fields("t.a", 1, "b", true), "_id")).isPresent();
        assertThat(InclusionProjection.of(fields("t.a", 1, "_id", 0), "_id")).isPresent();
        assertThat(InclusionProjection.of(fields("_id", 0), "_id")).isEmpty();
        assertThat(InclusionProjection.of(fields("a", 0), "_id")).isEmpty();
        assertThat(InclusionProjection.of(fields("a.$", 1), "_id")).isEmpty();
        assertThat(InclusionProjection.of(fields("a", new de.bwaldvogel.mongo.bson.Document("$slice", 1)), "_id"))
                .isEmpty();
        assertThat(InclusionProjection.of(fields("a.b", 1, "a", 1), "_id")).isEmpty();
        assertThat(InclusionProjection.of(fields("a..b", 1), "_id")).isEmpty();
    }

    @Test
    void projectsNestedPathsAndLeavesArraysOnAPathToTheGeneralProjection() {
        InclusionProjection projection = InclusionProjection.of(fields("t.a", 1, "t.z", 1, "n", 1), "_id").orElseThrow();
        de.bwaldvogel.mongo.bson.Document stored = fields("_id", "x", "n", null, "t", fields("a", fields("c", 1L), "b", 2));

        assertThat(projection.project(stored)).isEqualTo(fields("_id", "x", "t", fields("a", fields("c", 1L)), "n", null));
        assertThat(projection.project(fields("_id", "y", "t", List.of(1)))).isNull();
    }

    private static de.bwaldvogel.mongo.bson.Document fields(Object... namesAndValues) {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            document.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return document;
    }

    private static void fill(TwoBackends backends) {
        List<Document> docs = new ArrayList<>(IntStream.range(0, 30).mapToObj(i -> new Document("_id", "d-" + i)
                .append("seq", i)
                .append("name", i % 3 == 0 ? null : "doc " + i)
                .append("t", new Document("sms|LOW", new Document("replies", i))
                        .append("email|NORMAL", new Document("frt_n", i).append("frt_s", 10L * i)))
                .append("q", new Document(String.valueOf(i % 2), new Document("email|NORMAL", new Document("n", i))))
                .append("items", List.of(1, 2, 3))
                .append("empty", new Document()))
                .toList());
        docs.add(new Document("_id", "scalar").append("seq", 100).append("t", 5).append("q", "text"));
        docs.add(new Document("_id", "bare").append("seq", 101));
        backends.same(c -> c.insertMany(docs).getInsertedIds().size());
    }
}
