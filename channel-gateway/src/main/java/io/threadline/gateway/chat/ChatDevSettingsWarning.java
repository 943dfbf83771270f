package io.threadline.gateway.chat;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Says loudly when a packaged gateway runs web chat with the checked-in DEV-ONLY settings: the demo site (whose
 * token secret is in the repository). Also when replay has no token. (The dev JWT key has its own warning.)
 */
@Singleton
public class ChatDevSettingsWarning {

    private static final Logger LOG = Logger.getLogger(ChatDevSettingsWarning.class);
    private static final String DEV_SITE = "demo";

    void check(@Observes StartupEvent event, ChatConfig config) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        ChatConfig.Site demo = config.sites().get(DEV_SITE);
        if (demo != null && demo.enabled()) {
            LOG.warnf("Chat site '%s' with its DEV-ONLY token secret is enabled. Switch it off outside the local stack "
                    + "with THREADLINE_GATEWAY_CHAT_SITES_DEMO_ENABLED=false and configure your own sites.", DEV_SITE);
        }
        if (config.history().token().isEmpty()) {
            LOG.warn("No threadline.gateway.chat.history.token: chat visitors get no history replay");
        }
    }
}
