package io.threadline.history.mongo;

import io.threadline.servicekit.mongo.MongoErrors;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Runs a write again when MongoDB fails transiently, a bounded number of times with a growing pause. Anything
 * else, and the last transient failure, is rethrown at once so the caller's failure strategy takes over.
 */
public final class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    private final int attempts;
    private final Duration backoff;

    public TransientRetry(int attempts, Duration backoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
        this.backoff = backoff;
    }

    public void run(String what, Runnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (RuntimeException failure) {
                if (attempt >= attempts || !MongoErrors.isTransient(failure)) {
                    throw failure;
                }
                LOG.warnf("%s failed (attempt %d of %d), retrying: %s", what, attempt, attempts, failure.toString());
                pause(backoff.multipliedBy(attempt));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
