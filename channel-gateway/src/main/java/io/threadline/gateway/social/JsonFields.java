package io.threadline.gateway.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.servicekit.problem.ProblemException;

import java.io.IOException;
import java.time.Instant;

/**
 * Reading providers' webhook JSON as a tree: a body that is not a JSON object, or a required field that is missing,
 * is a 400 naming it by its path ({@code entry[0].messaging[1].message.mid}); everything else is optional.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** Parses the raw body (after its signature was checked) into a JSON object. */
    public static JsonNode object(ObjectMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalidField("body", "empty; a JSON object is expected");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("body", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.invalidField("body", "unreadable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.invalidField("body", "not a JSON object");
        }
        return root;
    }

    /** A required scalar as text (numbers too: Telegram's ids are numbers, Meta's are strings). */
    public static String required(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            throw ProblemException.invalidField(join(path, field), "required");
        }
        return value.asText();
    }

    /** An optional scalar as text, null when absent or blank. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank() ? null
                : value.asText();
    }

    /** The array under {@code field}; absent is empty, anything else is a 400. */
    public static Iterable<JsonNode> array(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return java.util.List.of();
        }
        if (!value.isArray()) {
            throw ProblemException.invalidField(join(path, field), "must be an array");
        }
        return value;
    }

    /** A Unix time in seconds or milliseconds, or now when absent. */
    public static Instant epoch(JsonNode node, String field, boolean millis) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() && !value.isTextual()) {
            return Instant.now();
        }
        long number;
        try {
            number = value.isTextual() ? Long.parseLong(value.asText().strip()) : value.asLong();
        } catch (NumberFormatException e) {
            return Instant.now();
        }
        return millis ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
    }

    public static String join(String path, String field) {
        return path == null || path.isEmpty() ? field : path + "." + field;
    }
}
