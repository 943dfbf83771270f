package io.threadline.history.timeline.live;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.threadline.history.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineFeedTest {

    private final TimelineFeed feed = new TimelineFeed();

    @Test
    void aBurstReachesASubscriberThatRequestsOneAtATimeWhole() {
        AssertSubscriber<TimelineEntry> subscriber = feed.of(Set.of("c-1")).subscribe()
                .withSubscriber(AssertSubscriber.create(1));
        IntStream.range(0, 100).forEach(i -> {
            feed.publish(entry("c-1", i));
            feed.publish(entry("c-2", i));
        });
        for (int i = 1; i < 100; i++) {
            subscriber.request(1);
        }
        assertThat(subscriber.getItems()).extracting(TimelineEntry::entryId)
                .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "e-c-1-" + i).toList());
        subscriber.assertNotTerminated();
    }

    @Test
    void aSubscriberTooFarBehindIsEndedRatherThanThinnedOut() {
        AssertSubscriber<TimelineEntry> subscriber = feed.of(Set.of("c-1")).subscribe()
                .withSubscriber(AssertSubscriber.create(0));
        IntStream.range(0, TimelineFeed.BUFFER + 1).forEach(i -> feed.publish(entry("c-1", i)));
        subscriber.request(Long.MAX_VALUE);
        subscriber.assertCompleted();
        List<TimelineEntry> received = subscriber.getItems();
        assertThat(received).extracting(TimelineEntry::entryId)
                .containsExactlyElementsOf(IntStream.range(0, received.size()).mapToObj(i -> "e-c-1-" + i).toList());
    }

    @Test
    void aClosedStreamIsForgotten() {
        AssertSubscriber<TimelineEntry> subscriber = feed.of(Set.of("c-1", "c-2")).subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        assertThat(feed.customersFollowed()).isEqualTo(2);
        subscriber.cancel();
        assertThat(feed.customersFollowed()).isZero();
        feed.publish(entry("c-1", 0));
        assertThat(subscriber.getItems()).isEmpty();
    }

    private static TimelineEntry entry(String customerId, int n) {
        return new TimelineEntry("e-" + customerId + "-" + n, customerId, TimelineEntry.Type.MESSAGE,
                TimelineEntry.Direction.INBOUND, "chat", "t-1", "TL-1", null, null, null, "hi " + n, null, null,
                null, null, null, null, null, null, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(n), null, null);
    }
}
