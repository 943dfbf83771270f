package io.threadline.gateway.chat;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says loudly when a packaged gateway runs web chat with the checked-in DEV-ONLY settings: the demo site (whose
 * token secret is in the repository) or agents' tokens verified with the dev key. Also when replay has no token.
 */
@Singleton
public class ChatDevSettingsWarning {

    private static final Logger LOG = Logger.getLogger(ChatDevSettingsWarning.class);
    private static final String DEV_SITE = "demo";
    private static final String DEV_PUBLIC_KEY = "dev/dev-only-jwt-public.pem";

    void check(@Observes StartupEvent event, ChatConfig config,
               @ConfigProperty(name = "mp.jwt.verify.publickey.location") String keyLocation) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        ChatConfig.Site demo = config.sites().get(DEV_SITE);
        if (demo != null && demo.enabled()) {
            LOG.warnf("Chat site '%s' with its DEV-ONLY token secret is enabled. Switch it off outside the local stack "
                    + "with THREADLINE_GATEWAY_CHAT_SITES_DEMO_ENABLED=false and configure your own sites.", DEV_SITE);
        }
        if (keyLocation.endsWith(DEV_PUBLIC_KEY)) {
            LOG.warnf("Agents' bearer tokens are verified with the DEV-ONLY key %s. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION "
                    + "to your identity provider's key outside the local stack.", keyLocation);
        }
        if (config.history().token().isEmpty()) {
            LOG.warn("No threadline.gateway.chat.history.token: chat visitors get no history replay");
        }
    }
}
