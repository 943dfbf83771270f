package io.threadline.gateway.social.meta;

import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.outbound.ChannelSender;
import io.threadline.gateway.outbound.DeliveryFailure;
import io.threadline.gateway.social.SocialConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Replies on Messenger, to the customer's page-scoped id, with the Page's access token. */
@ApplicationScoped
public class MessengerSender implements ChannelSender {

    private final SocialConfig.Messenger config;
    private final PageMessages pageMessages;

    public MessengerSender(SocialConfig config, PageMessages pageMessages) {
        this.config = config.messenger();
        this.pageMessages = pageMessages;
    }

    @Override
    public String channel() {
        return Channel.MESSENGER;
    }

    @Override
    public String send(OutboundMessage reply) throws DeliveryFailure {
        return pageMessages.send(Channel.MESSENGER, "Messenger", config.pageAccessToken(),
                "threadline.gateway.social.messenger.page-access-token", reply);
    }
}
