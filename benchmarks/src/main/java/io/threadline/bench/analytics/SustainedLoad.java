package io.threadline.bench.analytics;

import io.threadline.contracts.events.IntegrationEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sustained phase: live traffic sent at a steady pace, as production sends it (the burst phase sends as fast as
 * Kafka takes it), with the service's progress read every second. A reading's lag is how long the oldest event not
 * yet applied has waited since it was sent (0 when all sent are applied); applied counts are compared with the order
 * of sending, which is the order within each partition, so across partitions the lag is approximate.
 */
final class SustainedLoad {

    /** The service keeps up when no reading's lag, and no wait after the last send, exceeds this. */
    static final Duration KEPT_UP_LAG = Duration.ofSeconds(5);

    private static final long TICK_NANOS = 2_000_000;
    private static final long READING_MILLIS = 1000;

    private final ProjectionWatcher watcher;
    private final Duration timeout;

    SustainedLoad(ProjectionWatcher watcher, Duration timeout) {
        this.watcher = watcher;
        this.timeout = timeout;
    }

    /**
     * What the phase saw.
     *
     * @param sending        first send to last send
     * @param publisherLate  how far the sender fell behind its schedule at worst (the machine, not the service)
     * @param lags           the lag of each reading taken while sending
     * @param drain          last send to the service having applied every event
     * @param work           the service's progress over the phase (first send to all applied)
     * @param applied        first send to all applied
     */
    record Result(long events, int rate, Duration sending, Duration publisherLate, List<Duration> lags,
                  Duration drain, ProjectionWatcher.Progress work, Duration applied, boolean complete) {

        Duration maxLag() {
            return lags.isEmpty() ? Duration.ZERO : Collections.max(lags);
        }

        Duration medianLag() {
            if (lags.isEmpty()) {
                return Duration.ZERO;
            }
            List<Duration> sorted = new ArrayList<>(lags);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }

        boolean keptUp() {
            return complete && maxLag().compareTo(KEPT_UP_LAG) <= 0 && drain.compareTo(KEPT_UP_LAG) <= 0;
        }

        /** The share of the phase the service spent projecting batches. */
        double busy() {
            return work.busyOver(applied);
        }
    }

    Result run(EventPublisher publisher, List<IntegrationEvent> events, int rate) throws InterruptedException {
        long[] sentAt = new long[events.size()];
        AtomicInteger sent = new AtomicInteger();
        ProjectionWatcher.Progress before = watcher.progress();
        List<Duration> lags = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();
        reader.scheduleAtFixedRate(() -> read(before, sent, sentAt, lags), READING_MILLIS, READING_MILLIS,
                TimeUnit.MILLISECONDS);

        Instant firstSend = Instant.now();
        long start = System.nanoTime();
        long worstLate = 0;
        try {
            int next = 0;
            while (next < events.size()) {
                long now = System.nanoTime();
                long due = Math.min(events.size(), (now - start) * rate / 1_000_000_000L + 1);
                worstLate = Math.max(worstLate, now - (start + next * 1_000_000_000L / rate));
                for (; next < due; next++) {
                    publisher.send(events.get(next));
                    sentAt[next] = System.nanoTime();
                    sent.incrementAndGet();
                }
                TimeUnit.NANOSECONDS.sleep(TICK_NANOS);
            }
            long failed = publisher.flush();
            if (failed > 0) {
                throw new IllegalStateException(failed + " events were not acknowledged by Kafka");
            }
        } finally {
            reader.shutdownNow();
            reader.awaitTermination(30, TimeUnit.SECONDS);
        }
        long lastSend = sentAt[events.size() - 1];
        Instant done = watcher.awaitApplied(before.applied() + events.size(), timeout);
        long doneNanos = System.nanoTime();
        ProjectionWatcher.Progress work = watcher.progress().since(before);
        return new Result(events.size(), rate, Duration.ofNanos(lastSend - start), Duration.ofNanos(worstLate),
                List.copyOf(lags), Duration.ofNanos(doneNanos - lastSend), work,
                Duration.between(firstSend, done == null ? Instant.now() : done), done != null);
    }

    /** Adds a reading's lag; a reading cut short by the end of sending adds none. */
    private void read(ProjectionWatcher.Progress before, AtomicInteger sent, long[] sentAt, List<Duration> lags) {
        try {
            long applied = watcher.progress().applied() - before.applied();
            long now = System.nanoTime();
            int sentSoFar = sent.get();
            lags.add(applied >= sentSoFar ? Duration.ZERO : Duration.ofNanos(now - sentAt[(int) Math.max(applied, 0)]));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
