package io.threadline.history.rebuild;

import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.history.CustomerScript;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ReplayReaderTest {

    /** A page as the reader's caller gets it: the events and the cursor after them. */
    private record Page(List<IntegrationEvent> events, String nextCursor) {
    }

    private final List<IntegrationEvent> events = new ArrayList<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final List<String> fetchedOn = new CopyOnWriteArrayList<>();

    ReplayReaderTest() {
        CustomerScript customer = new CustomerScript("c-1", Instant.parse("2025-01-01T00:00:00Z"));
        for (int i = 0; i < 10; i++) {
            events.add(customer.profile("Alice " + i, "en"));
        }
    }

    @Test
    void readsEveryPageInOrderAheadOfTheCaller() throws InterruptedException {
        try (ReplayReader<Page> reader = new ReplayReader<>(pagesOf(3), Page::nextCursor, 2)) {
            // Before the caller asks, the reader has fetched as far ahead as it may: two pages queued, one in hand
            // (fetched, its turn in the queue still to come).
            await().until(() -> requested.size() == 3);
            assertThat(fetchedOn).containsOnly("history-rebuild-reader");
            List<IntegrationEvent> read = new ArrayList<>();
            for (Page page = reader.next(); page != null; page = reader.next()) {
                read.addAll(page.events());
            }
            assertThat(read).isEqualTo(events);
            assertThat(reader.next()).isNull();
            assertThat(requested).containsExactly("0", "3", "6", "9");
        }
    }

    @Test
    void aFailedFetchReachesTheCallerAfterThePagesBeforeIt() throws InterruptedException {
        Function<String, Page> pages = pagesOf(4);
        try (ReplayReader<Page> reader = new ReplayReader<>(cursor -> {
            if ("4".equals(cursor)) {
                throw new IllegalStateException("replay source away");
            }
            return pages.apply(cursor);
        }, Page::nextCursor, 5)) {
            assertThat(reader.next().events()).hasSize(4);
            assertThatThrownBy(reader::next).hasMessage("replay source away");
        }
    }

    /** The events in pages of {@code size}, the cursor being the index of the next event. */
    private Function<String, Page> pagesOf(int size) {
        return cursor -> {
            fetchedOn.add(Thread.currentThread().getName());
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            requested.add(String.valueOf(from));
            int to = Math.min(events.size(), from + size);
            return new Page(List.copyOf(events.subList(from, to)), to < events.size() ? String.valueOf(to) : null);
        };
    }
}
