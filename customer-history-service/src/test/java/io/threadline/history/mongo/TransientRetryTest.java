package io.threadline.history.mongo;

import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransientRetryTest {

    private final TransientRetry retry = new TransientRetry(3, Duration.ofMillis(1));

    @Test
    void transientFailuresAreRetriedUntilTheWriteSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        retry.run("write", () -> {
            if (calls.incrementAndGet() < 3) {
                throw connectionLost();
            }
        });
        assertThat(calls).hasValue(3);
    }

    @Test
    void theLastTransientFailureIsRethrown() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("write", () -> {
            calls.incrementAndGet();
            throw connectionLost();
        })).isInstanceOf(MongoSocketException.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("write", () -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("malformed event");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
    }

    private static MongoSocketException connectionLost() {
        return new MongoSocketException("connection reset", new ServerAddress("localhost", 27017));
    }
}
