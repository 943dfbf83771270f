package io.threadline.history.timeline.api;

import io.threadline.history.timeline.store.TimelinePosition;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque {@code cursor} of timeline pages: URL-safe base64 of {@code <occurredAt epoch ms>:<entryId>} of the
 * last entry of the previous page. Clients only pass it back; its form may change.
 */
final class TimelineCursor {

    private TimelineCursor() {
    }

    static String encode(TimelinePosition position) {
        String plain = position.occurredAt().toEpochMilli() + ":" + position.entryId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException if {@code cursor} is not one {@link #encode} made */
    static TimelinePosition decode(String cursor) {
        String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int colon = plain.indexOf(':');
        if (colon < 1 || colon == plain.length() - 1) {
            throw new IllegalArgumentException("not <millis>:<entryId>");
        }
        long millis = Long.parseLong(plain.substring(0, colon));
        return new TimelinePosition(Instant.ofEpochMilli(millis), plain.substring(colon + 1));
    }
}
