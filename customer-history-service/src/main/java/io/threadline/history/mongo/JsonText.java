package io.threadline.history.mongo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.threadline.contracts.ContractJson;

import java.nio.charset.StandardCharsets;

/**
 * A value stored as one JSON string field, for documents only ever read and written whole by {@code _id}: one
 * string costs a write and a read far less than a field per value (each field is encoded and decoded by the driver
 * and, on the stand-in, decoded, sized and stored once more).
 */
public final class JsonText<T> {

    private static final ObjectMapper JSON = ContractJson.newMapper();

    private final String what;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    public JsonText(Class<T> type, String what) {
        this.what = what;
        this.writer = JSON.writerFor(type);
        this.reader = JSON.readerFor(type);
    }

    /** The value as JSON: the same text as {@link #writeBytes} (which escapes characters beyond the BMP). */
    public String write(T value, Object id) {
        return new String(writeBytes(value, id), StandardCharsets.UTF_8);
    }

    /** The value as UTF-8 JSON, for {@link JsonFieldDocument}. */
    public byte[] writeBytes(T value, Object id) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the " + what + " " + id, e);
        }
    }

    public T read(String json, Object id) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + what + " " + id, e);
        }
    }
}
