package io.threadline.history.mongo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.threadline.contracts.ContractJson;

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

    public String write(T value, Object id) {
        try {
            return writer.writeValueAsString(value);
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
