package io.threadline.localstack.infra.h2;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds kept for large stored documents are those of the stored version: a document replaced by a larger one is
 * sized again, so reply batches stay within what one reply may hold after the stored documents grew.
 */
class StoredSizesTest {

    @Test
    void boundIsTheStoredVersions() {
        StoredSizes sizes = new StoredSizes();
        Document stored = new Document("_id", "a").append("filler", "x".repeat(10_000));
        Document grown = new Document("_id", "a").append("filler", "x".repeat(30_000));

        assertThat(sizes.atMost("a", stored)).isEqualTo(EncodedSize.atMost(stored)).isGreaterThan(StoredSizes.LARGE);
        assertThat(sizes.atMost("a", grown)).isEqualTo(EncodedSize.atMost(grown));
        assertThat(sizes.atMost("a", stored)).isEqualTo(EncodedSize.atMost(stored));
    }

    @Test
    void documentsThatGrewAreStillReadWholeInBatchesOneReplyCanHold() {
        try (TwoBackends backends = new TwoBackends()) {
            // 600 documents of 30 KB, read (their bounds kept), then grown to 300 KB: 180 MB, whose batches must be
            // cut by the new sizes (by the old ones, a batch would be 16 MiB / 30 KB = 559 documents, 160 MB).
            backends.keyed.insertMany(IntStream.range(0, 600).mapToObj(i -> new org.bson.Document("_id", i)
                    .append("filler", "x".repeat(30_000)).append("n", i)).toList());
            assertThat(backends.keyed.find().into(new ArrayList<>())).hasSize(600);
            assertThat(backends.keyed.find().projection(Projections.include("n")).into(new ArrayList<>())).hasSize(600);

            backends.keyed.updateMany(Filters.gte("_id", 0), Updates.set("filler", "y".repeat(300_000)));

            List<Integer> ids = new ArrayList<>();
            backends.keyed.find().sort(Sorts.ascending("_id"))
                    .forEach(doc -> ids.add(doc.getString("filler").length() == 300_000 ? doc.getInteger("_id") : -1));
            assertThat(ids).isEqualTo(IntStream.range(0, 600).boxed().toList());
        }
    }
}
