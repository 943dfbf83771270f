package io.threadline.history.projection;

import io.threadline.history.ticket.TicketState;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerHistoryCodecTest {

    private static final Instant T0 = Instant.parse("2025-03-02T09:01:00.123Z");
    private final CustomerHistoryCodec codec = new CustomerHistoryCodec();

    @Test
    void aHeadSurvivesItsDocumentWhole() {
        CustomerHistory head = new CustomerHistory("c-1", true,
                List.of(new CustomerHistory.TicketDay(20_149, "t-1", 1, 9), new CustomerHistory.TicketDay(20_150, "t-1", 10, 12)),
                List.of(new TicketState("t-1", "TL-1", "email", "Broken mug", T0, "TL-0", "SOLVED", 12, "HIGH", 4, "ann",
                        "support", 3, List.of("breakage", "vip"), 5, null, T0.plusSeconds(60))));

        Document document = codec.toDocument(head);

        assertThat(document.keySet()).containsExactly("_id", CustomerHistoryCodec.HEAD);
        assertThat(codec.fromDocument(document)).isEqualTo(head);
    }

    @Test
    void aHeadStoredAFieldPerValueByAnEarlierVersionIsStillRead() {
        Document stored = new Document("_id", "c-1").append("erased", false).append("v", 3L)
                .append("days", List.of(new Document("day", 20_149L).append("ticketId", "t-1").append("from", 1L)
                        .append("to", 9L)))
                .append("tickets", List.of(new Document("ticketId", "t-1").append("ticketNumber", "TL-1")
                        .append("channel", "sms").append("openedAt", Date.from(T0)).append("status", "OPEN")
                        .append("statusSeq", 1L).append("tags", List.of("vip")).append("lastActivityAt", Date.from(T0))));

        CustomerHistory head = codec.fromDocument(stored);

        assertThat(head.days()).containsExactly(new CustomerHistory.TicketDay(20_149, "t-1", 1, 9));
        assertThat(head.tickets()).singleElement().satisfies(t -> {
            assertThat(t.ticketNumber()).isEqualTo("TL-1");
            assertThat(t.status()).isEqualTo("OPEN");
            assertThat(t.tags()).containsExactly("vip");
            assertThat(t.openedAt()).isEqualTo(T0);
        });
    }
}
