package io.threadline.history.mongo;

import org.bson.RawBsonDocument;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A document of two string fields, {@code _id} and one field holding JSON, encoded straight into BSON bytes from the
 * JSON's UTF-8 bytes: the driver sends a {@link RawBsonDocument} as it is, so the JSON is neither turned into a
 * {@code String} nor encoded again field by field through the codec registry (both were a large part of a rebuild's
 * processor time for the millions of entries it inserts).
 */
public final class JsonFieldDocument {

    private static final byte STRING = 0x02;
    private static final byte[] ID = cString("_id");

    private JsonFieldDocument() {
    }

    /** {@code {_id: id, <field>: json}} as BSON; equal to the {@code Document} of the same two strings. */
    public static RawBsonDocument of(String id, String field, byte[] json) {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] name = cString(field);
        int size = 4 + element(ID, idBytes) + element(name, json) + 1;
        ByteBuffer bson = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        bson.putInt(size);
        putString(bson, ID, idBytes);
        putString(bson, name, json);
        bson.put((byte) 0);
        return new RawBsonDocument(bson.array());
    }

    /** Type byte, name, length, the UTF-8 bytes and their terminating zero (BSON's string element). */
    private static int element(byte[] name, byte[] utf8) {
        return 1 + name.length + 4 + utf8.length + 1;
    }

    private static void putString(ByteBuffer bson, byte[] name, byte[] utf8) {
        bson.put(STRING).put(name).putInt(utf8.length + 1).put(utf8).put((byte) 0);
    }

    private static byte[] cString(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        byte[] terminated = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, terminated, 0, utf8.length);
        return terminated;
    }
}
