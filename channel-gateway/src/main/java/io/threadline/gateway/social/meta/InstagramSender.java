package io.threadline.gateway.social.meta;

import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.outbound.ChannelSender;
import io.threadline.gateway.outbound.DeliveryFailure;
import io.threadline.gateway.social.SocialConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Replies on Instagram Direct, to the customer's Instagram-scoped id, with the linked Page's access token. */
@ApplicationScoped
public class InstagramSender implements ChannelSender {

    private final SocialConfig.Instagram config;
    private final PageMessages pageMessages;

    public InstagramSender(SocialConfig config, PageMessages pageMessages) {
        this.config = config.instagram();
        this.pageMessages = pageMessages;
    }

    @Override
    public String channel() {
        return Channel.INSTAGRAM;
    }

    @Override
    public String send(OutboundMessage reply) throws DeliveryFailure {
        return pageMessages.send(Channel.INSTAGRAM, "Instagram", config.accessToken(),
                "threadline.gateway.social.instagram.access-token", reply);
    }
}
