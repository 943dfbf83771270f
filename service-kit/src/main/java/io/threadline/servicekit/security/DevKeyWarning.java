package io.threadline.servicekit.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Says loudly when a packaged service verifies bearer tokens with the checked-in dev key: anyone with the repository
 * can sign tokens for it. The local stack relies on that default; a real deployment sets
 * {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}.
 */
@Singleton
public class DevKeyWarning {

    static final String DEV_PUBLIC_KEY = "dev/dev-only-jwt-public.pem";
    private static final Logger LOG = Logger.getLogger(DevKeyWarning.class);

    void check(@Observes StartupEvent event, Config config) {
        config.getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                .filter(location -> location.endsWith(DEV_PUBLIC_KEY) && LaunchMode.current() == LaunchMode.NORMAL)
                .ifPresent(location -> LOG.warnf("Bearer tokens are verified with the DEV-ONLY key %s, whose private "
                        + "half is in the repository. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION to your identity provider's "
                        + "key outside the local stack.", location));
    }
}
