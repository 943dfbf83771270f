package io.threadline.analytics.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says loudly when a packaged service verifies tokens with the checked-in DEV-ONLY key, whose private half is in the
 * repository. A real deployment sets {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}.
 */
@Singleton
public class DevKeyWarning {

    private static final String DEV_PUBLIC_KEY = "dev/dev-only-jwt-public.pem";
    private static final Logger LOG = Logger.getLogger(DevKeyWarning.class);

    void check(@Observes StartupEvent event,
               @ConfigProperty(name = "mp.jwt.verify.publickey.location") String keyLocation) {
        if (keyLocation.endsWith(DEV_PUBLIC_KEY) && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warnf("Bearer tokens are verified with the DEV-ONLY key %s. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION to "
                    + "your identity provider's key outside the local stack.", keyLocation);
        }
    }
}
