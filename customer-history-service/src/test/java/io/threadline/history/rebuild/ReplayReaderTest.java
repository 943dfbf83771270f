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

    private final List<IntegrationEvent> events = new ArrayList<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();

    ReplayReaderTest() {
        CustomerScript customer = new CustomerScript("c-1", Instant.parse("2025-01-01T00:00:00Z"));
        for (int i = 0; i < 10; i++) {
            events.add(customer.profile("Alice " + i, "en"));
        }
    }

    @Test
    void readsAndPreparesEveryPageInOrderAheadOfTheCaller() throws InterruptedException {
        List<String> preparedOn = new CopyOnWriteArrayList<>();
        Function<List<IntegrationEvent>, List<IntegrationEvent>> prepare = page -> {
            preparedOn.add(Thread.currentThread().getName());
            return List.copyOf(page);
        };
        try (ReplayReader<List<IntegrationEvent>> reader = new ReplayReader<>(pagesOf(3), prepare, 2)) {
            // Before the caller asks, the reader has fetched and prepared as far ahead as it may: two pages queued,
            // one in hand (fetched, its turn in the queue still to come).
            await().until(() -> requested.size() == 3 && preparedOn.size() >= 2);
            assertThat(preparedOn).containsOnly("history-rebuild-reader");
            List<IntegrationEvent> read = new ArrayList<>();
            for (List<IntegrationEvent> page = reader.next(); page != null; page = reader.next()) {
                read.addAll(page);
            }
            assertThat(read).isEqualTo(events);
            assertThat(reader.next()).isNull();
            assertThat(requested).containsExactly("0", "3", "6", "9");
        }
    }

    @Test
    void aFailedFetchReachesTheCallerAfterThePagesBeforeIt() throws InterruptedException {
        Function<String, ReplaySource.Page> pages = pagesOf(4);
        try (ReplayReader<List<IntegrationEvent>> reader = new ReplayReader<>(cursor -> {
            if ("4".equals(cursor)) {
                throw new IllegalStateException("replay source away");
            }
            return pages.apply(cursor);
        }, List::copyOf, 5)) {
            assertThat(reader.next()).hasSize(4);
            assertThatThrownBy(reader::next).hasMessage("replay source away");
        }
    }

    /** The events in pages of {@code size}, the cursor being the index of the next event. */
    private Function<String, ReplaySource.Page> pagesOf(int size) {
        return cursor -> {
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            requested.add(String.valueOf(from));
            int to = Math.min(events.size(), from + size);
            return new ReplaySource.Page(events.subList(from, to), to < events.size() ? String.valueOf(to) : null);
        };
    }
}
