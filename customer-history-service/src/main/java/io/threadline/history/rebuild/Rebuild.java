package io.threadline.history.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.threadline.history.HistoryConfig;
import io.threadline.history.projection.BatchProjection;
import io.threadline.history.projection.DecodedEvent;
import io.threadline.history.projection.EventDecoder;
import io.threadline.history.projection.ProjectionCopies;
import io.threadline.history.projection.ProjectionCopy;
import io.threadline.servicekit.metrics.HeldGauges;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Rebuilds the whole read model into a fresh copy from ticket-service's replay source while the old copy is still
 * served: consumers write every new event to both copies meanwhile, and once the replay has read the source to its
 * end the new copy is served and the old one dropped. The same {@link BatchProjection} builds both, so a rebuilt
 * copy equals the live one.
 */
@Singleton
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);

    private final ReplaySource source;
    private final ReplayPages pages;
    private final BatchProjection projection;
    private final ProjectionCopies copies;
    private final PublishedEventCount published;
    private final HistoryConfig.Rebuild config;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "history-rebuild"));
    /** Writes a batch's state (heads, deliveries, identity graph) while the worker stores the next batch's entries. */
    private final ExecutorService stateWriter = Executors.newSingleThreadExecutor(r -> new Thread(r, "history-rebuild-state"));
    private volatile Progress progress = Progress.idle();

    public Rebuild(@RestClient ReplaySource source, ObjectMapper json, EventDecoder decoder, BatchProjection projection,
                   ProjectionCopies copies, PublishedEventCount published, HistoryConfig config, MeterRegistry meters) {
        this.source = source;
        this.pages = new ReplayPages(json, decoder);
        this.projection = projection;
        this.copies = copies;
        this.published = published;
        this.config = config.rebuild();
        HeldGauges.register(meters, Gauge.builder("threadline.history.rebuild.replayed.events", this,
                        r -> r.progress.replayed)
                .description("Events read from the replay source by the running or last rebuild"));
        HeldGauges.register(meters, Gauge.builder("threadline.history.rebuild.events.per.second", this,
                        r -> r.status().eventsPerSecond())
                .description("Replay rate of the running or last rebuild"));
        HeldGauges.register(meters, Gauge.builder("threadline.history.rebuild.remaining.events", this,
                        r -> Optional.ofNullable(r.status().remainingEvents()).orElse(-1L).doubleValue())
                .description("Estimated events left to replay (-1: unknown)"));
        HeldGauges.register(meters, Gauge.builder("threadline.history.rebuild.running", this,
                        r -> r.progress.state == RebuildStatus.State.RUNNING ? 1 : 0)
                .description("1 while a rebuild runs on this replica"));
    }

    /** Starts a rebuild in the background; a 409 problem if one is running (here or on another replica). */
    public synchronized RebuildStatus start() {
        if (config.token().isEmpty()) {
            throw new ProblemException(409, "rebuild-not-configured", "Rebuild not configured",
                    "Set threadline.history.rebuild.token (THREADLINE_HISTORY_REBUILD_TOKEN) to a token of the "
                            + "replay source");
        }
        ProjectionCopy target = copies.startBuilding().orElseThrow(() -> new ProblemException(409,
                "rebuild-running", "A rebuild is running", "Wait for it to finish: GET /api/v1/admin/rebuild"));
        Long expected = published.now().orElse(null);
        progress = Progress.started(target.generation(), clock.instant(), expected);
        worker.submit(() -> run(target));
        return status();
    }

    public RebuildStatus status() {
        Progress p = progress;
        Instant end = p.finishedAt != null ? p.finishedAt : clock.instant();
        double seconds = p.startedAt == null ? 0 : Math.max(0.001, Duration.between(p.startedAt, end).toMillis() / 1000.0);
        Long remaining = p.expected == null ? null : Math.max(0, p.expected - p.replayed);
        if (p.state == RebuildStatus.State.COMPLETED) {
            remaining = 0L;
        }
        return new RebuildStatus(p.state, copies.active().generation(),
                p.state == RebuildStatus.State.RUNNING ? p.generation : null, p.replayed, p.skipped,
                p.startedAt == null ? 0 : Math.round(p.replayed / seconds * 10) / 10.0, remaining, p.startedAt,
                p.finishedAt, p.error);
    }

    private void run(ProjectionCopy target) {
        ProjectionCopy replaced = copies.active();
        try {
            // Every consumer writes to the new copy too once it has read the copies again: the events it projects
            // from then on need not be read here, and those before are in the source once the settle is over. The
            // reading starts now and is only done when it reaches the end of the source after the settle.
            long settledAt = System.nanoTime() + ProjectionCopies.SETTLE.toNanos();
            String authorization = "Bearer " + config.token().orElseThrow();
            List<DecodedEvent> batch = new ArrayList<>();
            // The next batch's pages are read while this one is stored.
            int aheadPages = Math.max(1, config.batchSize() / Math.max(1, config.pageSize()));
            Function<String, ReplayPages.Page> fetch =
                    cursor -> pages.read(source.events(cursor, config.pageSize(), authorization));
            try (ReplayReader<ReplayPages.Page> reader = new ReplayReader<>(fetch, ReplayPages.Page::nextCursor,
                    aheadPages, settledAt)) {
                Future<?> state = CompletableFuture.completedFuture(null);
                for (ReplayPages.Page page = reader.next(); page != null; page = reader.next()) {
                    if (reader.readingAgain()) {
                        // Projecting an event again changes nothing; counting it again would.
                        progress = progress.countedAgain();
                    }
                    batch.addAll(page.events());
                    progress = progress.replayedMore(page.read(), page.skipped());
                    if (batch.size() >= config.batchSize()) {
                        state = flush(target, batch, state);
                    }
                }
                await(flush(target, batch, state));
            }
            copies.switchTo(target);
            progress = progress.finished(RebuildStatus.State.COMPLETED, clock.instant(), null);
            LOG.infof("Rebuild done: %d events into generation %d, now served", progress.replayed, target.generation());
            dropLater(replaced);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(target, new IllegalStateException("interrupted"));
        } catch (RuntimeException e) {
            fail(target, e);
        }
    }

    private void fail(ProjectionCopy target, RuntimeException e) {
        LOG.error("Rebuild failed; the old copy stays served", e);
        progress = progress.finished(RebuildStatus.State.FAILED, clock.instant(), String.valueOf(e.getMessage()));
        try {
            // A state write still running would write into the copy after it is dropped: let it end first.
            stateWriter.submit(() -> { }).get(1, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException ignored) {
            // Whatever it did, the copy is abandoned below.
        }
        try {
            copies.abandon(target);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stores the batch's entries, then hands its state to the state writer once the state of the batch before is
     * written (a batch's state follows its own entries and the state before it; see BatchProjection#storeEntries).
     */
    private Future<?> flush(ProjectionCopy target, List<DecodedEvent> batch, Future<?> stateBefore)
            throws InterruptedException {
        if (batch.isEmpty()) {
            return stateBefore;
        }
        BatchProjection.StoredEntries stored = projection.storeEntries(target, List.copyOf(batch));
        batch.clear();
        await(stateBefore);
        return stateWriter.submit(() -> projection.storeState(target, stored));
    }

    /** Waits for a state write; its failure fails the rebuild. */
    private static void await(Future<?> state) throws InterruptedException {
        try {
            state.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    private void dropLater(ProjectionCopy replaced) {
        try {
            // Consumers read the copies once per batch: give the ones that still write to the old copy time to stop.
            TimeUnit.MILLISECONDS.sleep(config.dropReplacedAfter().toMillis());
            replaced.drop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        stateWriter.shutdownNow();
    }

    /** Immutable snapshot, swapped whole so that status readers see consistent numbers. */
    private record Progress(RebuildStatus.State state, int generation, Instant startedAt, Instant finishedAt,
                            Long expected, long replayed, long skipped, String error) {

        static Progress idle() {
            return new Progress(RebuildStatus.State.IDLE, 0, null, null, null, 0, 0, null);
        }

        static Progress started(int generation, Instant at, Long expected) {
            return new Progress(RebuildStatus.State.RUNNING, generation, at, null, expected, 0, 0, null);
        }

        Progress replayedMore(int read, int unusable) {
            return new Progress(state, generation, startedAt, finishedAt, expected, replayed + read, skipped + unusable,
                    error);
        }

        Progress countedAgain() {
            return new Progress(state, generation, startedAt, finishedAt, expected, 0, 0, error);
        }

        Progress finished(RebuildStatus.State outcome, Instant at, String failure) {
            return new Progress(outcome, generation, startedAt, at, expected, replayed, skipped, failure);
        }
    }
}
