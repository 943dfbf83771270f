package io.threadline.history.rebuild;

import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.history.CustomerScript;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
        try (ReplayReader<Page> reader = new ReplayReader<>(pagesOf(3), Page::nextCursor, 2, System.nanoTime())) {
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
        }, Page::nextCursor, 5, System.nanoTime())) {
            assertThat(reader.next().events()).hasSize(4);
            assertThatThrownBy(reader::next).hasMessage("replay source away");
        }
    }

    @Test
    void anEndReachedBeforeTheSettleIsReadAgainFromTheStartOnceItIsOver() throws InterruptedException {
        List<IntegrationEvent> stored = new CopyOnWriteArrayList<>(events.subList(0, 5));
        long settledAt = System.nanoTime() + Duration.ofMillis(500).toNanos();
        try (ReplayReader<Page> reader = new ReplayReader<>(pagesOf(stored, 3), Page::nextCursor, 10, settledAt)) {
            List<IntegrationEvent> firstReading = new ArrayList<>(reader.next().events());
            firstReading.addAll(reader.next().events());
            assertThat(firstReading).isEqualTo(events.subList(0, 5));
            // Stored during the settle, after the first reading passed: a consumer may have missed it.
            stored.add(events.get(5));
            Page again = reader.next();
            assertThat(System.nanoTime() - settledAt).isNotNegative();
            assertThat(reader.readingAgain()).isTrue();
            List<IntegrationEvent> secondReading = new ArrayList<>(again.events());
            for (Page page = reader.next(); page != null; page = reader.next()) {
                assertThat(reader.readingAgain()).isFalse();
                secondReading.addAll(page.events());
            }
            assertThat(secondReading).isEqualTo(events.subList(0, 6));
            assertThat(requested).containsExactly("0", "3", "0", "3");
        }
    }

    @Test
    void anEndReachedAfterTheSettleIsTheEnd() throws InterruptedException {
        try (ReplayReader<Page> reader = new ReplayReader<>(pagesOf(4), Page::nextCursor, 10, System.nanoTime())) {
            int pages = 0;
            for (Page page = reader.next(); page != null; page = reader.next()) {
                assertThat(reader.readingAgain()).isFalse();
                pages++;
            }
            assertThat(pages).isEqualTo(3);
            assertThat(requested).containsExactly("0", "4", "8");
        }
    }

    /** The events in pages of {@code size}, the cursor being the index of the next event. */
    private Function<String, Page> pagesOf(int size) {
        return pagesOf(events, size);
    }

    /** The store's events as they are at each fetch, in pages of {@code size}. */
    private Function<String, Page> pagesOf(List<IntegrationEvent> store, int size) {
        return cursor -> {
            fetchedOn.add(Thread.currentThread().getName());
            List<IntegrationEvent> now = List.copyOf(store);
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            requested.add(String.valueOf(from));
            int to = Math.min(now.size(), from + size);
            return new Page(List.copyOf(now.subList(from, to)), to < now.size() ? String.valueOf(to) : null);
        };
    }
}
