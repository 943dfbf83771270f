package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndexKeyTypeTest {

    private final IndexKeyType type = new IndexKeyType();

    @Test
    void keysBuiltApartAreEqualExactlyWhenTheirValuesAre() {
        assertThat(type.compare(new KeyValue("c-1", 3.0), new KeyValue("c-1", 3.0))).isZero();
        assertThat(type.compare(new KeyValue(new Document("day", "2026-11-23")), new KeyValue(new Document("day", "2026-11-23"))))
                .isZero();
        assertThat(type.compare(new KeyValue(Missing.getInstance()), roundTrip(new KeyValue(Missing.getInstance()))))
                .as("a Missing read back from the file is another instance, and still the same key")
                .isZero();

        assertThat(type.compare(new KeyValue("c-1", 3.0), new KeyValue("c-1", 4.0))).isNegative();
        assertThat(type.compare(new KeyValue(3.0), new KeyValue(3L))).as("a long is not the double it equals").isNotZero();
        assertThat(type.compare(new KeyValue((Object) null), new KeyValue("a"))).isNegative();
    }

    @Test
    void theOrderIsTotalOverMixedValues() {
        List<KeyValue> keys = List.of(
                new KeyValue("b"), new KeyValue("a"), new KeyValue(2.0), new KeyValue(-1.5), new KeyValue(7L),
                new KeyValue(true), new KeyValue(new Date(5)), new KeyValue(new ObjectId()), new KeyValue((Object) null),
                new KeyValue(new Document("x", 1.0)), new KeyValue(new Document("x", 2.0)),
                new KeyValue(Arrays.asList(1.0, 2.0)), new KeyValue("a", 1.0), new KeyValue(Missing.getInstance()));
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(type.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(-Integer.signum(type.compare(b, a)));
                assertThat(type.compare(a, b) == 0).as("%s vs %s", a, b).isEqualTo(a == b);
                for (KeyValue c : keys) {
                    if (type.compare(a, b) < 0 && type.compare(b, c) < 0) {
                        assertThat(type.compare(a, c)).as("%s < %s < %s", a, b, c).isNegative();
                    }
                }
            }
        }
    }

    @Test
    void keysReadBackFromTheFileAreTheKeysWritten() {
        KeyValue key = new KeyValue(Arrays.asList("customer-7", 12.0, 9_007_199_254_740_993L, new ObjectId(), null,
                new Document("channel", "sms").append("n", 2.0), new Date(1_700_000_000_000L)));

        KeyValue read = roundTrip(key);

        assertThat(read).isEqualTo(key);
        assertThat(type.compare(read, key)).isZero();
    }

    private KeyValue roundTrip(KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        return type.read(buffer.getBuffer().flip());
    }
}
