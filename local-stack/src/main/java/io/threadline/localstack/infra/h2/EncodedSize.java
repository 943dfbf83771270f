package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * A document's size in BSON, added up from its values instead of encoded: sizing every reply's documents by encoding
 * them was a third of the stand-in's processor time in queries. Values of rarer types (binary, decimals, timestamps,
 * regular expressions…) are encoded to be measured. {@link #of} is exact (statistics); {@link #atMost} counts three
 * bytes for every character of a text, the most UTF-8 takes, so it need not read the characters (reply batches, where
 * counting the characters was still a quarter of the stand-in's query time).
 */
final class EncodedSize {

    /** The length prefix and the terminating byte of a document. */
    private static final int DOCUMENT_FRAME = 5;

    private EncodedSize() {
    }

    /** The exact size. */
    static int of(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, ofDocument(document, true));
    }

    /** At least the size, at most three times it. */
    static long atMost(Document document) {
        return ofDocument(document, false);
    }

    private static long ofDocument(Map<String, ?> document, boolean exact) {
        long size = DOCUMENT_FRAME;
        for (Map.Entry<String, ?> field : document.entrySet()) {
            size += 1 + textLength(field.getKey(), exact) + 1 + ofValue(field.getValue(), exact);
        }
        return size;
    }

    @SuppressWarnings("unchecked")
    private static long ofValue(Object value, boolean exact) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String text) {
            return 4 + textLength(text, exact) + 1;
        }
        if (value instanceof Map<?, ?> document) {
            return ofDocument((Map<String, ?>) document, exact);
        }
        if (value instanceof Integer) {
            return 4;
        }
        if (value instanceof Long || value instanceof Double || value instanceof Instant) {
            return 8;
        }
        if (value instanceof Boolean) {
            return 1;
        }
        if (value instanceof ObjectId) {
            return 12;
        }
        if (value instanceof Collection<?> items) {
            long size = DOCUMENT_FRAME;
            int index = 0;
            for (Object item : items) {
                size += 1 + digits(index++) + 1 + ofValue(item, exact);
            }
            return size;
        }
        return encoded(value);
    }

    /** The value alone: {@code {"": value}} encoded, less its frame, type byte and empty key. */
    private static long encoded(Object value) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(new Document("", value), buffer);
            return buffer.writerIndex() - DOCUMENT_FRAME - 2;
        } finally {
            buffer.release();
        }
    }

    private static long textLength(String text, boolean exact) {
        return exact ? utf8Length(text) : 3L * text.length();
    }

    private static long utf8Length(String text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length++; // unpaired: Java's encoder writes '?'
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static int digits(int index) {
        int digits = 1;
        for (int rest = index; rest >= 10; rest /= 10) {
            digits++;
        }
        return digits;
    }
}
