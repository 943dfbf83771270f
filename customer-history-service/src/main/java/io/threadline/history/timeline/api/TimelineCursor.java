package io.threadline.history.timeline.api;

import io.threadline.history.timeline.store.TimelinePosition;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque {@code cursor} of timeline pages: URL-safe base64 of {@code <a|b>:<occurredAt epoch ms>:<entryId>},
 * "a" for the entries after that position (next page), "b" for those before it (previous page).
 */
final class TimelineCursor {

    record Decoded(boolean forward, TimelinePosition position) {
    }

    private TimelineCursor() {
    }

    static String next(TimelinePosition after) {
        return encode("a", after);
    }

    static String previous(TimelinePosition before) {
        return encode("b", before);
    }

    private static String encode(String direction, TimelinePosition position) {
        String plain = direction + ":" + position.occurredAt().toEpochMilli() + ":" + position.entryId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException if {@code cursor} is not one this class made */
    static Decoded decode(String cursor) {
        String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String[] parts = plain.split(":", 3);
        if (parts.length != 3 || !(parts[0].equals("a") || parts[0].equals("b")) || parts[2].isEmpty()) {
            throw new IllegalArgumentException("not <a|b>:<millis>:<entryId>");
        }
        long millis = Long.parseLong(parts[1]);
        return new Decoded(parts[0].equals("a"), new TimelinePosition(Instant.ofEpochMilli(millis), parts[2]));
    }
}
