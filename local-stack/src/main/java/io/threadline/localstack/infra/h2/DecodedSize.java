package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.Map;

/**
 * About how much heap a document decoded from BSON takes (64-bit JVM, compressed references), added up from its
 * values: what the page cache counts for it. Counted by an average of the collection's sizes instead, a page of read
 * models' bucket documents (up to hundreds of KB each, decoded about six times that) was counted at a fraction of its
 * size, and a 256 MB cache held gigabytes.
 */
final class DecodedSize {

    private static final int REFERENCE = 4;
    /** A document: its own object, its LinkedHashMap, and the map's table (without the entries). */
    private static final int DOCUMENT = 16 + 56 + 16;
    private static final int MAP_ENTRY = 40;
    private static final int BOXED_NUMBER = 16;
    private static final int OTHER = 32;

    private DecodedSize() {
    }

    static long of(Document document) {
        return ofMap(document);
    }

    private static long ofMap(Map<?, ?> map) {
        long size = DOCUMENT + (long) REFERENCE * tableLength(map.size());
        for (Map.Entry<?, ?> field : map.entrySet()) {
            size += MAP_ENTRY + ofValue(field.getKey()) + ofValue(field.getValue());
        }
        return size;
    }

    private static long ofValue(Object value) {
        if (value == null || value instanceof Boolean) {
            return 0; // Booleans are shared
        }
        if (value instanceof String text) {
            return 24 + aligned(16 + text.length()); // Latin-1: one byte a character
        }
        if (value instanceof Map<?, ?> map) {
            return ofMap(map);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            return BOXED_NUMBER;
        }
        if (value instanceof Collection<?> items) {
            long size = 24 + aligned(16 + (long) REFERENCE * items.size());
            for (Object item : items) {
                size += ofValue(item);
            }
            return size;
        }
        return OTHER;
    }

    /** A HashMap's table: the power of two that holds the entries at its 0.75 load factor. */
    private static long tableLength(int entries) {
        long length = 16;
        while (length * 3 / 4 < entries) {
            length <<= 1;
        }
        return length;
    }

    private static long aligned(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
