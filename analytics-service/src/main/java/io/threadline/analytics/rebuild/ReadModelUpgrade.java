package io.threadline.analytics.rebuild;

import io.quarkus.runtime.StartupEvent;
import io.threadline.analytics.kpi.store.ActiveReadModel;
import io.threadline.analytics.kpi.store.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * On start, rebuilds a served copy written in an older layout than this version's ({@link ReadModel#LAYOUT}): such a
 * copy counts some queries wrongly (it lacks documents this version reads). The old copy is served until the rebuild
 * switches over. One instance does it; if it fails (the replay source is unreachable, no token), the next start after
 * an hour tries again, and a rebuild can be started by hand meanwhile.
 */
@ApplicationScoped
public class ReadModelUpgrade {

    private static final Logger LOG = Logger.getLogger(ReadModelUpgrade.class);
    private static final Duration RETRY_AFTER = Duration.ofHours(1);

    private final ActiveReadModel readModel;
    private final RebuildService rebuilds;

    public ReadModelUpgrade(ActiveReadModel readModel, RebuildService rebuilds) {
        this.readModel = readModel;
        this.rebuilds = rebuilds;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            upgradeIfOlder();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not check the read model's layout; if it is older than %d, start a rebuild",
                    ReadModel.LAYOUT);
        }
    }

    /** Starts the rebuild if the served copy is older and no other instance claimed it; says whether it did. */
    boolean upgradeIfOlder() {
        int layout = readModel.servedLayout();
        if (layout >= ReadModel.LAYOUT) {
            return false;
        }
        if (!readModel.claimUpgrade(RETRY_AFTER)) {
            LOG.warnf("The served read model has layout %d, older than %d: another instance is rebuilding it", layout,
                    ReadModel.LAYOUT);
            return false;
        }
        LOG.warnf("The served read model has layout %d, older than %d, and counts some queries wrongly: rebuilding it "
                + "from the replay source; the old copy is served until the rebuild switches over", layout,
                ReadModel.LAYOUT);
        rebuilds.start();
        return true;
    }
}
