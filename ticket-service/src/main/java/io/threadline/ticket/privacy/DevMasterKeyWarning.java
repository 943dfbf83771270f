package io.threadline.ticket.privacy;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Says loudly when a packaged service seals personal data under the master key checked into the repository:
 * anyone with the repository could then open it. The local stack relies on that default.
 */
@Singleton
public class DevMasterKeyWarning {

    static final String MASTER_KEY_VARIABLE = "THREADLINE_TICKETS_PRIVACY_MASTER_KEY";
    private static final Logger LOG = Logger.getLogger(DevMasterKeyWarning.class);

    void check(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && System.getenv(MASTER_KEY_VARIABLE) == null) {
            LOG.warnf("Personal data is sealed under the DEV-ONLY master key from application.properties. Set %s "
                    + "from a secret (base64 of 32 random bytes) outside the local stack.", MASTER_KEY_VARIABLE);
        }
    }
}
