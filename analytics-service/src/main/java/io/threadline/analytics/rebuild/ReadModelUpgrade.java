package io.threadline.analytics.rebuild;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.threadline.analytics.kpi.store.ActiveReadModel;
import io.threadline.analytics.kpi.store.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Rebuilds a served copy written in an older layout than this version's ({@link ReadModel#LAYOUT}): such a copy
 * counts some queries wrongly (it lacks documents this version reads). Checked shortly after start and every minute;
 * the old copy is served until the rebuild switches over. One instance does it; if it fails (the replay source not up
 * yet, or unreachable, or no token), it is tried again ten minutes later, and a rebuild can be started by hand.
 */
@ApplicationScoped
public class ReadModelUpgrade {

    private static final Logger LOG = Logger.getLogger(ReadModelUpgrade.class);
    private static final Duration RETRY_AFTER = Duration.ofMinutes(10);

    private final ActiveReadModel readModel;
    private final RebuildService rebuilds;

    public ReadModelUpgrade(ActiveReadModel readModel, RebuildService rebuilds) {
        this.readModel = readModel;
        this.rebuilds = rebuilds;
    }

    /**
     * A new install records its layout at once: the first check comes 15 s later, when events may already have been
     * projected into the copy, which would then look like one from before layouts were recorded and be rebuilt for
     * nothing.
     */
    void recordLayout(@Observes StartupEvent start) {
        try {
            readModel.servedLayout();
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the read model's layout at start (the first check does): %s", e.toString());
        }
    }

    @Scheduled(every = "1m", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            upgradeIfOlder();
        } catch (RuntimeException e) {
            LOG.warnf("Could not check the read model's layout (tried again in a minute): %s", e.toString());
        }
    }

    /** Starts the rebuild if the served copy is older and no other instance claimed it; says whether it did. */
    boolean upgradeIfOlder() {
        int layout = readModel.servedLayout();
        if (layout >= ReadModel.LAYOUT || rebuilds.status().state() == RebuildStatus.State.RUNNING) {
            return false;
        }
        if (!readModel.claimUpgrade(RETRY_AFTER)) {
            return false;
        }
        LOG.warnf("The served read model has layout %d, older than %d, and counts some queries wrongly: rebuilding it "
                + "from the replay source; the old copy is served until the rebuild switches over", layout,
                ReadModel.LAYOUT);
        rebuilds.start();
        return true;
    }
}
