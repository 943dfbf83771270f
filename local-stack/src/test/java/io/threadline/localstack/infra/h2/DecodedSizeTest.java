package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The estimate against the heap the decoded documents really take, measured object by object. */
class DecodedSizeTest {

    @Test
    void aSmallStateDocument() {
        assertCloseToTheHeapItTakes(new Document("_id", "TL-1001").append("v", 17L).append("status", "OPEN")
                .append("channel", "email").append("group", "billing").append("agent", "agent-0-3")
                .append("openedAt", Instant.parse("2026-11-23T00:31:31.907Z")).append("answered", false));
    }

    @Test
    void aBucketOfCountersUnderHundredsOfKeys() {
        Document tallies = new Document();
        for (int key = 0; key < 400; key++) {
            Document counters = new Document();
            for (int counter = 0; counter < 12; counter++) {
                counters.append("c" + counter, (long) key * counter);
            }
            tallies.append("email|billing|agent-" + key + "|NORMAL", counters);
        }
        assertCloseToTheHeapItTakes(new Document("_id", "c+g+a+p|d2026-11-23").append("t", tallies)
                .append("applied", new Document("ticket.events-0", 123_456L).append("ticket.events-1", 98_765L)));
    }

    @Test
    void listsAndNumbersOfEachWidth() {
        assertCloseToTheHeapItTakes(new Document("_id", 1).append("bins", List.of(1, 2, 3, 4, 5, 6, 7, 8))
                .append("rate", 0.25).append("count", 3).append("tags", List.of("vip", "email", "returning")));
    }

    @Test
    void aLargeDocumentCountsForMoreThanItsBytes() {
        Document tallies = new Document();
        for (int key = 0; key < 1000; key++) {
            tallies.append("k" + key, new Document("n", (long) key));
        }
        Document large = new Document("_id", "large").append("t", tallies);

        assertThat(new DocumentType().getMemory(large)).isGreaterThan(EncodedSize.of(large));
        assertThat(new DocumentType().isMemoryEstimationAllowed()).isFalse();
    }

    /** Decoded from BSON, as the page cache holds it: no text shared with the test's own values. */
    private static void assertCloseToTheHeapItTakes(Document document) {
        ByteBuf bson = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, bson);
        Document decoded = BsonDecoder.decodeBson(bson);
        long measured = GraphLayout.parseInstance(decoded).totalSize();

        assertThat((double) DecodedSize.of(decoded)).isBetween(0.8 * measured, 1.25 * measured);
    }
}
