package io.threadline.gateway.outbound;

import io.threadline.contracts.outbound.OutboundMessage;

/** Delivers replies on one channel through its provider. Implementations block; they run on worker threads. */
public interface ChannelSender {

    /** The channel name this sender serves, e.g. {@code email}. */
    String channel();

    /**
     * Hands the message to the provider.
     *
     * @return the provider's id of the sent message
     * @throws DeliveryFailure transient (worth another try) or permanent
     */
    String send(OutboundMessage message) throws DeliveryFailure;
}
