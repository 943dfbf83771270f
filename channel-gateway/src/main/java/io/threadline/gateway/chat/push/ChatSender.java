package io.threadline.gateway.chat.push;

import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.email.mime.HtmlText;
import io.threadline.gateway.outbound.ChannelSender;
import io.threadline.gateway.outbound.DeliveryFailure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Delivers replies on channel {@code chat}: whichever replica consumed the reply, it goes onto {@code chat.push},
 * which every replica reads, so the one holding the visitor's socket pushes it. Handing it to Kafka is SENT (the
 * provider id is the outboundId); the push to an open socket adds DELIVERED. A visitor who is away sees the reply in
 * the history replayed when the widget connects again.
 */
@ApplicationScoped
public class ChatSender implements ChannelSender {

    private final ChatPushPublisher publisher;

    public ChatSender(ChatPushPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public String channel() {
        return Channel.CHAT;
    }

    @Override
    public String send(OutboundMessage message) throws DeliveryFailure {
        String text = message.text() != null && !message.text().isBlank() ? message.text() : HtmlText.toText(message.html());
        Instant at = message.requestedAt() == null ? Instant.now() : message.requestedAt();
        try {
            publisher.publish(ChatPush.reply(message.recipient(), message.outboundId(), text, at)).await().indefinitely();
        } catch (RuntimeException e) {
            throw DeliveryFailure.transientFailure("chat.push did not acknowledge the reply: " + e.getMessage(), e);
        }
        return message.outboundId();
    }
}
