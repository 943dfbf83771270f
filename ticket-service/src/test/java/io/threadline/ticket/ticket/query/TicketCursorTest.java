package io.threadline.ticket.ticket.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TicketCursorTest {

    @Test
    void roundTrips() {
        TicketCursor cursor = new TicketCursor(TicketSort.CREATED_OLDEST, Instant.parse("2026-11-02T09:00:00.123Z"),
                "5f0c|odd-id");
        assertThat(TicketCursor.decode(cursor.encode())).contains(cursor);
    }

    @Test
    void somethingElseIsNoCursor() {
        assertThat(TicketCursor.decode("not a cursor")).isEmpty();
        assertThat(TicketCursor.decode("bm8tYmFy")).isEmpty();
        assertThat(TicketCursor.decode("MTIzfA")).isEmpty();
    }
}
