package io.threadline.analytics.rebuild;

import io.threadline.analytics.UnusableEventException;
import io.threadline.analytics.ingest.EventDecoder;
import io.threadline.analytics.kpi.projection.BatchProjection;
import io.threadline.analytics.kpi.projection.BatchResult;
import io.threadline.analytics.kpi.projection.SourcedEvent;
import io.threadline.analytics.kpi.store.ActiveReadModel;
import io.threadline.analytics.kpi.store.ReadModel;
import io.threadline.contracts.events.IntegrationEvent;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * One rebuild: replays every stored event into a fresh copy of the read model while the current copy stays
 * served and fed live, then switches. The switch happens under the live projection's write lock, after a last
 * pass over the replay source: every event the live consumers had projected was stored before they saw it, so
 * the new copy holds it, and they continue into the new copy after the switch (what it already holds, it skips).
 */
final class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final String SOURCE = "replay";

    private final ReplaySource source;
    private final String authorization;
    private final int pageSize;
    private final EventDecoder decoder;
    private final BatchProjection projection;
    private final ActiveReadModel readModel;
    private final RebuildProgress progress;
    private long position;
    private String lastCursor;

    Rebuild(ReplaySource source, String authorization, int pageSize, EventDecoder decoder, BatchProjection projection,
            ActiveReadModel readModel, RebuildProgress progress) {
        this.source = source;
        this.authorization = authorization;
        this.pageSize = pageSize;
        this.decoder = decoder;
        this.projection = projection;
        this.readModel = readModel;
        this.progress = progress;
    }

    void run(int served, int target) {
        ReadModel fresh = readModel.generation(target);
        fresh.drop();
        catchUp(fresh);
        Lock exclusive = readModel.switchLock().writeLock();
        exclusive.lock();
        try {
            catchUp(fresh);
            readModel.switchTo(target);
        } finally {
            exclusive.unlock();
        }
        readModel.generation(served).drop();
        LOG.infof("Rebuild done: generation %d now served (%d events replayed)", target, progress.eventsRead());
    }

    /** Reads pages until the source has no next page; starts again after the last cursor seen, if any. */
    private void catchUp(ReadModel fresh) {
        String cursor = lastCursor;
        do {
            ReplayPage page = source.page(cursor, pageSize, authorization);
            List<IntegrationEvent> events = page.events() == null ? List.of() : page.events();
            project(fresh, events);
            progress.page(events.size());
            if (page.nextCursor() != null) {
                lastCursor = page.nextCursor();
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private void project(ReadModel fresh, List<IntegrationEvent> events) {
        List<SourcedEvent> batch = new ArrayList<>();
        for (IntegrationEvent event : events) {
            long at = position++;
            try {
                Optional<Object> payload = decoder.payload(decoder.checked(event));
                payload.ifPresent(p -> batch.add(new SourcedEvent(SOURCE, at, event, p)));
            } catch (UnusableEventException e) {
                reject(event, e);
            }
        }
        if (!batch.isEmpty()) {
            BatchResult result = projection.project(fresh, batch);
            result.rejected().forEach(r -> reject(r.event().event(), r.reason()));
        }
    }

    private void reject(IntegrationEvent event, RuntimeException reason) {
        progress.rejected();
        LOG.warnf("Rebuild skips event %s: %s", event == null ? null : event.eventId(), reason.getMessage());
    }
}
