package io.threadline.history.timeline.store;

import io.threadline.history.timeline.TimelineEntry;
import com.mongodb.client.MongoDatabase;
import io.threadline.testsupport.StandInMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the MongoDB stand-in, without Quarkus. */
@ExtendWith(StandInMongo.class)
class TimelineStoreTest {

    private TimelineStore store;

    @BeforeEach
    void freshDatabase(MongoDatabase database) {
        store = new TimelineStore(database);
        store.createIndexes(null);
    }

    @Test
    void storesAndReadsAnEntryUnchanged() {
        TimelineEntry entry = new TimelineEntry("e-1", TimelineEntry.Type.MESSAGE, TimelineEntry.Direction.INBOUND,
                "email", "t-1", "TL-1001", new TimelineEntry.Author("alice@example.com", "Alice"), "Hello", "Hi there",
                List.of(new TimelineEntry.Attachment("a.pdf", "application/pdf", 3_000_000_000L, "ab".repeat(32), "s3://a")),
                Instant.parse("2025-01-01T10:00:00.123Z"), Instant.parse("2025-01-01T10:00:00.200Z"),
                Instant.parse("2025-01-01T10:00:00.350Z"));

        assertThat(store.add("c-1", entry)).isTrue();

        assertThat(store.read("c-1", null, 10)).containsExactly(entry);
        assertThat(store.hasEntries("c-1")).isTrue();
        assertThat(store.hasEntries("c-2")).isFalse();
    }

    @Test
    void aSecondAddWithTheSameIdChangesNothing() {
        TimelineEntry first = entry("e-1", "2025-01-01T10:00:00Z", "first");
        assertThat(store.add("c-1", first)).isTrue();
        assertThat(store.add("c-1", entry("e-1", "2025-01-01T11:00:00Z", "redelivered"))).isFalse();

        assertThat(store.read("c-1", null, 10)).containsExactly(first);
    }

    @Test
    void readsInOccurrenceOrderThenByIdAndPagesAfterAPosition() {
        // Added out of order; e-b and e-a share a time, so the id decides.
        store.add("c-1", entry("e-c", "2025-01-01T10:00:03Z", "3"));
        store.add("c-1", entry("e-b", "2025-01-01T10:00:01Z", "2"));
        store.add("c-1", entry("e-z", "2025-01-01T10:00:00Z", "1"));
        store.add("c-1", entry("e-a", "2025-01-01T10:00:01Z", "2"));
        store.add("c-2", entry("e-other", "2025-01-01T10:00:02Z", "other customer"));

        assertThat(ids(store.read("c-1", null, 10))).containsExactly("e-z", "e-a", "e-b", "e-c");

        List<String> paged = new ArrayList<>();
        TimelinePosition after = null;
        for (int page = 0; page < 5; page++) {
            List<TimelineEntry> entries = store.read("c-1", after, 1);
            if (entries.isEmpty()) {
                break;
            }
            paged.addAll(ids(entries));
            TimelineEntry last = entries.get(entries.size() - 1);
            after = new TimelinePosition(last.occurredAt(), last.entryId());
        }
        assertThat(paged).containsExactly("e-z", "e-a", "e-b", "e-c");
    }

    private static List<String> ids(List<TimelineEntry> entries) {
        return entries.stream().map(TimelineEntry::entryId).toList();
    }

    private static TimelineEntry entry(String id, String occurredAt, String text) {
        return new TimelineEntry(id, TimelineEntry.Type.MESSAGE, TimelineEntry.Direction.INBOUND, "chat", "t-1",
                "TL-1001", null, null, text, List.of(), Instant.parse(occurredAt), null, Instant.parse(occurredAt));
    }
}
