package io.threadline.gateway.chat.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.threadline.gateway.chat.ChatConfig;
import io.threadline.gateway.chat.history.ChatHistory;
import io.threadline.gateway.chat.inbound.VisitorMessages;
import io.threadline.gateway.chat.visitor.Visitor;
import io.threadline.servicekit.problem.ProblemException;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The chat widget's socket. The handshake names the visitor (see {@link ChatUpgradeCheck}); the server then sends
 * {@code ready}, replays the conversation ({@code history}, or a {@code history-unavailable} notice), acknowledges
 * each visitor message once Kafka has it ({@code ack}) or says why not ({@code error}, also when a socket sends
 * faster than its rate), and pushes agent replies and typing. A token-verified socket is closed with 4401 when its token expires.
 */
@WebSocket(path = ChatSocket.PATH, endpointId = ChatSocket.ENDPOINT)
public class ChatSocket {

    public static final String PATH = "/chat/socket";
    public static final String ENDPOINT = "chat";

    private static final Logger LOG = Logger.getLogger(ChatSocket.class);
    private static final Pattern CLIENT_MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final UserData.TypedKey<String> SESSION = UserData.TypedKey.forString("chat.session");
    private static final UserData.TypedKey<Long> EXPIRY_TIMER = UserData.TypedKey.forLong("chat.expiry-timer");
    private static final UserData.TypedKey<Bucket> RATE = new UserData.TypedKey<>("chat.rate");

    private final ChatSessions sessions;
    private final ChatFrames frames;
    private final VisitorMessages messages;
    private final ChatHistory history;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final int maxTextLength;
    private final Bandwidth messageRate;

    public ChatSocket(ChatSessions sessions, ChatFrames frames, VisitorMessages messages, ChatHistory history,
                      ObjectMapper json, Vertx vertx, ChatConfig config) {
        this.sessions = sessions;
        this.frames = frames;
        this.messages = messages;
        this.history = history;
        this.json = json;
        this.vertx = vertx;
        this.maxTextLength = config.maxTextLength();
        this.messageRate = Bandwidth.builder().capacity(config.messageBurst())
                .refillGreedy(config.messagesPerMinute(), Duration.ofMinutes(1)).build();
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        Visitor visitor = connection.userData().get(ChatUpgradeCheck.VISITOR);
        String session = ChatSessionIds.sessionOf(connection.userData().get(ChatUpgradeCheck.REQUESTED_SESSION));
        connection.userData().put(SESSION, session);
        connection.userData().put(RATE, Bucket.builder().addLimit(messageRate).build());
        // Registered before the replay, so a reply pushed meanwhile is not missed.
        sessions.opened(visitor.address(), connection);
        closeAtExpiry(connection, visitor);
        return connection.sendText(frames.ready(visitor, session)).invoke(() -> replay(connection, visitor));
    }

    @OnTextMessage
    public Uni<Void> frame(String text, WebSocketConnection connection) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JsonProcessingException e) {
            return connection.sendText(frames.error("bad-json", "The frame is not JSON: " + e.getOriginalMessage(), null));
        }
        if (frame == null || !frame.isObject()) {
            return connection.sendText(frames.error("bad-json", "A frame is a JSON object with a type", null));
        }
        String type = frame.path("type").asText("");
        switch (type) {
            case "message":
                return message(frame, connection);
            case "typing":
                // The visitor's typing stays in the browser: agents see messages, not keystrokes.
                return Uni.createFrom().voidItem();
            default:
                return connection.sendText(frames.error("unknown-type", "Unknown frame type '" + type
                        + "'; the widget sends message or typing", null));
        }
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        Visitor visitor = connection.userData().get(ChatUpgradeCheck.VISITOR);
        if (visitor != null) {
            sessions.closed(visitor.address(), connection);
        }
        Long timer = connection.userData().get(EXPIRY_TIMER);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    private Uni<Void> message(JsonNode frame, WebSocketConnection connection) {
        JsonNode id = frame.get("clientMessageId");
        if (id == null || !id.isTextual() || !CLIENT_MESSAGE_ID.matcher(id.asText()).matches()) {
            return connection.sendText(frames.error("invalid-client-message-id", "clientMessageId is required: 1 to 64 "
                    + "letters, digits, - or _, unique per message and the same when the message is sent again", null));
        }
        String clientMessageId = id.asText();
        JsonNode textNode = frame.get("text");
        String text = textNode != null && textNode.isTextual() ? textNode.asText().strip() : "";
        if (text.isEmpty()) {
            return connection.sendText(frames.error("empty-text", "text is empty", clientMessageId));
        }
        if (text.length() > maxTextLength) {
            return connection.sendText(frames.error("text-too-long", "text has " + text.length()
                    + " characters; at most " + maxTextLength, clientMessageId));
        }
        if (!connection.userData().get(RATE).tryConsume(1)) {
            return connection.sendText(frames.error("rate-limited", "Too many messages; wait a moment and send it "
                    + "again", clientMessageId));
        }
        Visitor visitor = connection.userData().get(ChatUpgradeCheck.VISITOR);
        String chatSessionId = ChatSessionIds.threadReference(visitor, connection.userData().get(SESSION));
        return messages.accept(visitor, chatSessionId, clientMessageId, text)
                .map(accepted -> frames.ack(clientMessageId, accepted))
                .onFailure().recoverWithItem(failure -> unaccepted(failure, clientMessageId))
                .flatMap(connection::sendText);
    }

    private String unaccepted(Throwable failure, String clientMessageId) {
        if (failure instanceof ProblemException problem && problem.status() == 503) {
            return frames.error("unavailable", "The message was not accepted; send it again later", clientMessageId);
        }
        LOG.warnf(failure, "Chat message %s not accepted", clientMessageId);
        return frames.error("not-accepted", "The message was not accepted: " + failure.getMessage(), clientMessageId);
    }

    private void replay(WebSocketConnection connection, Visitor visitor) {
        history.conversationOf(visitor.address())
                .map(frames::history)
                .onFailure().recoverWithItem(failure -> {
                    LOG.infof("Chat history of %s unavailable: %s", visitor.address(), failure.toString());
                    return frames.notice("history-unavailable", "Earlier messages cannot be shown right now");
                })
                .flatMap(connection::sendText)
                .subscribe().with(sent -> { }, failure -> LOG.debugf("Chat socket %s closed before the replay: %s",
                        connection.id(), failure.toString()));
    }

    private void closeAtExpiry(WebSocketConnection connection, Visitor visitor) {
        if (visitor.expiresAt() == null) {
            return;
        }
        long delay = Math.max(1, Duration.between(Instant.now(), visitor.expiresAt()).toMillis());
        connection.userData().put(EXPIRY_TIMER, vertx.setTimer(delay, timer -> connection
                .close(new CloseReason(4401, "chat-token-expired"))
                .subscribe().with(closed -> { }, failure -> { })));
    }
}
