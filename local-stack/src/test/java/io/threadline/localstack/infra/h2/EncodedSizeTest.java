package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The size added up from a document's values is the length of its encoding, value type by value type, and the
 * generous count bounds it. */
class EncodedSizeTest {

    @Test
    void everyValueTypeCountsWhatItsEncodingTakes() {
        Document nested = new Document("x", 1).append("y", new Document("z", "deep"));
        List<Object> items = new ArrayList<>(IntStream.range(0, 12).boxed().toList());
        items.add(new Document("in", "array"));
        items.add(null);
        Document document = new Document("_id", new ObjectId())
                .append("ascii", "plain text")
                .append("latin", "café crème")
                .append("euro", "12 € 50")
                .append("emoji", "ok \uD83D\uDE00 ok")
                .append("lone surrogate", "a\uD83Db")
                .append("clé", true)
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", 2.5)
                .append("date", Instant.parse("2026-11-23T10:15:30.123Z"))
                .append("null", null)
                .append("nested", nested)
                .append("array", items)
                .append("uuid", UUID.randomUUID())
                .append("decimal", new Decimal128(1L, 2L))
                .append("timestamp", new BsonTimestamp(7L))
                .append("max", MaxKey.getInstance());

        assertThat(EncodedSize.of(document)).isEqualTo(encodedLength(document));
        assertThat(EncodedSize.atMost(document)).isBetween((long) encodedLength(document), 3L * encodedLength(document));
        assertThat(EncodedSize.of(new Document())).isEqualTo(encodedLength(new Document())).isEqualTo(5);
    }

    @Test
    void largeDocumentsWithManyFieldsAndLongArrays() {
        Document bins = new Document("_id", "week-2026-47");
        IntStream.range(0, 5_000).forEach(i -> bins.append("bin" + i, (long) i * 31));
        bins.append("list", Arrays.asList(IntStream.range(0, 1_234).boxed().toArray()));
        bins.append("text", "x".repeat(100_000));

        assertThat(EncodedSize.of(bins)).isEqualTo(encodedLength(bins));
        assertThat(EncodedSize.atMost(bins)).isBetween((long) encodedLength(bins), 3L * encodedLength(bins));
    }

    private static int encodedLength(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            return buffer.writerIndex();
        } finally {
            buffer.release();
        }
    }
}
