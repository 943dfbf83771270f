package io.threadline.gateway.chat.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.Blocking;
import io.threadline.gateway.chat.socket.ChatFrames;
import io.threadline.gateway.chat.socket.ChatSessions;
import io.threadline.gateway.outbound.DeliveryReceipts;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Every replica reads all of {@code chat.push} (a consumer group of its own, from the newest record) and hands each
 * push to the visitor's sockets that are open here. A reply that reached at least one open socket is DELIVERED.
 * Pushes are live-only: a record this replica cannot read is logged and skipped, never retried.
 */
@ApplicationScoped
public class ChatPushConsumer {

    private static final Logger LOG = Logger.getLogger(ChatPushConsumer.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper json;
    private final ChatSessions sessions;
    private final ChatFrames frames;
    private final DeliveryReceipts receipts;

    public ChatPushConsumer(ObjectMapper json, ChatSessions sessions, ChatFrames frames, DeliveryReceipts receipts) {
        this.json = json;
        this.sessions = sessions;
        this.frames = frames;
        this.receipts = receipts;
    }

    @Incoming("chat-push")
    @Blocking
    public void consume(String value) {
        ChatPush push;
        try {
            push = json.readValue(value, ChatPush.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipping a chat push that is not one: %s", e.getOriginalMessage());
            return;
        }
        if (push.address() == null) {
            return;
        }
        String frame = frames.push(push);
        int pushed = 0;
        for (WebSocketConnection connection : sessions.of(push.address())) {
            try {
                connection.sendText(frame).await().atMost(SEND_TIMEOUT);
                pushed++;
            } catch (RuntimeException e) {
                LOG.debugf("Chat socket %s of %s closed before the push: %s", connection.id(), push.address(),
                        e.toString());
            }
        }
        if (pushed > 0 && ChatPush.REPLY.equals(push.type())) {
            receipts.delivered(push.outboundId(), push.outboundId());
        }
    }
}
