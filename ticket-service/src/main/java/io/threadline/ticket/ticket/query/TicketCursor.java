package io.threadline.ticket.ticket.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of the list ends: the last row's updatedAt and id (the sort key), opaque to clients. A ticket
 * updated while a client pages moves to the top and is not shown twice on later pages.
 */
public record TicketCursor(Instant updatedAt, String id) {

    public String encode() {
        String raw = updatedAt.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or empty if it is not one of ours. */
    public static Optional<TicketCursor> decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar <= 0 || bar == raw.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new TicketCursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, bar))),
                    raw.substring(bar + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
