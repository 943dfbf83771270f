package io.threadline.history.timeline.store;

import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.TimelineEntry.Type;
import org.bson.BsonBinaryReader;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EntryDocumentsTest {

    private static final Instant T0 = Instant.parse("2025-03-02T09:01:00.123Z");

    @Test
    void everyValueOfAnEntrySurvivesItsDocumentButTheDeliveryWhichIsJoinedWhenRead() {
        TimelineEntry entry = new TimelineEntry("e-1", "c-1", Type.MESSAGE, TimelineEntry.Direction.INBOUND, "email",
                "t-1", "TL-1", "m-1", new TimelineEntry.Author(TimelineEntry.AuthorKind.CUSTOMER, "a@example.com", "Alice"),
                "Broken mug", "It \"arrived\" broken", List.of(new TimelineEntry.Attachment("photo.jpg", "image/jpeg",
                48_213, "ab".repeat(32), "s3://b/photo.jpg")), new TimelineEntry.Change("OPEN", "PENDING"),
                new TimelineEntry.Assignment("ann", "support", null, "triage"),
                new TimelineEntry.TagChange(List.of("a", "b"), List.of("b"), List.of()), Map.of("order.id", "$42"),
                new TimelineEntry.Survey("s-1", "CSAT", 4, "ok"),
                new TimelineEntry.Delivery("DELIVERED", "p-1", null, T0), new TimelineEntry.RelatedTicket("t-0", "TL-0"),
                T0, T0.plusMillis(5), T0.plusSeconds(1));

        Document document = EntryDocuments.toDocument("key-1", entry);

        assertThat(document.keySet()).containsExactly("_id", EntryDocuments.ENTRY);
        assertThat(document.getString("_id")).isEqualTo("key-1");
        assertThat(EntryDocuments.toEntry(document)).isEqualTo(entry.withDelivery(null));
    }

    @Test
    void theRawDocumentIsTheSameDocumentAsBson() {
        TimelineEntry entry = new TimelineEntry("e-1", "c-1", Type.MESSAGE, TimelineEntry.Direction.INBOUND, "email",
                "t-1", "TL-1", "m-1", new TimelineEntry.Author(TimelineEntry.AuthorKind.CUSTOMER, "zoë@example.com", "Zoë"),
                "Tasse cassée ☕", "Line one\nline \"two\" \u0000 and 🎉", null, null, null, null, null, null, null,
                null, T0, null, T0.plusSeconds(1));

        RawBsonDocument raw = EntryDocuments.toRawDocument("20150|c-ü|t-1|7", entry);

        Document decoded = new DocumentCodec().decode(new BsonBinaryReader(raw.getByteBuffer().asNIO()),
                DecoderContext.builder().build());
        assertThat(decoded).isEqualTo(EntryDocuments.toDocument("20150|c-ü|t-1|7", entry));
        assertThat(EntryDocuments.toEntry(decoded)).isEqualTo(entry);
    }

    @Test
    void anEntryStoredAFieldPerValueByAnEarlierVersionIsStillRead() {
        Document stored = new Document("_id", "key-1").append("eventId", "e-1").append("customerId", "c-1")
                .append("type", "MESSAGE").append("direction", "OUTBOUND").append("channel", "sms")
                .append("ticketId", "t-1").append("ticketNumber", "TL-1").append("messageId", "o-1")
                .append("author", new Document("kind", "AGENT").append("displayName", "ann"))
                .append("text", "On its way").append("occurredAt", Date.from(T0))
                .append("recordedAt", Date.from(T0.plusSeconds(1)));

        TimelineEntry entry = EntryDocuments.toEntry(stored);

        assertThat(entry.entryId()).isEqualTo("e-1");
        assertThat(entry.direction()).isEqualTo(TimelineEntry.Direction.OUTBOUND);
        assertThat(entry.author()).isEqualTo(new TimelineEntry.Author(TimelineEntry.AuthorKind.AGENT, null, "ann"));
        assertThat(entry.text()).isEqualTo("On its way");
        assertThat(entry.occurredAt()).isEqualTo(T0);
        assertThat(entry.recordedAt()).isEqualTo(T0.plusSeconds(1));
    }
}
