package io.threadline.ticket.ticket.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of the list ends: the sort it belongs to and the last row's sort time and id, opaque to clients.
 * A ticket updated while a client pages by update time moves to the top and is not shown twice on later pages.
 */
public record TicketCursor(TicketSort sort, Instant at, String id) {

    public String encode() {
        String raw = sort.parameter() + "|" + at.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or empty if it is not one of ours. */
    public static Optional<TicketCursor> decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                return Optional.empty();
            }
            return TicketSort.of(parts[0]).map(sort -> new TicketCursor(sort,
                    Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
