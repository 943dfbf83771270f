package io.threadline.gateway.social.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadline.contracts.inbound.Channel;
import io.threadline.gateway.social.SocialConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads one Meta webhook body by its {@code object}: {@code page} (Messenger), {@code instagram} and
 * {@code whatsapp_business_account}. Other objects (a Page's feed, ad accounts, ...) are ignored as a whole.
 */
@ApplicationScoped
public class MetaEvents {

    private final String mediaRoot;

    public MetaEvents(SocialConfig config) {
        this.mediaRoot = config.meta().graphBaseUrl().replaceAll("/+$", "") + "/" + config.meta().graphVersion() + "/";
    }

    MetaBatch read(JsonNode root) {
        MetaBatch batch = new MetaBatch();
        switch (root.path("object").asText()) {
            case "page":
                MessagingEvents.read(root, Channel.MESSENGER, "pageId", batch);
                break;
            case "instagram":
                MessagingEvents.read(root, Channel.INSTAGRAM, "instagramAccountId", batch);
                break;
            case "whatsapp_business_account":
                WhatsAppEvents.read(root, mediaRoot, batch);
                break;
            default:
                batch.ignore();
                break;
        }
        return batch;
    }
}
