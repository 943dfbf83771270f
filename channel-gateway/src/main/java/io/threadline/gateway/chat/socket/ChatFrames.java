package io.threadline.gateway.chat.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadline.gateway.chat.push.ChatPush;
import io.threadline.gateway.chat.visitor.Visitor;
import io.threadline.gateway.inbound.api.AcceptedMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The JSON frames the server sends to the widget; the README's web chat section documents each. */
@ApplicationScoped
public class ChatFrames {

    private final ObjectMapper json;

    public ChatFrames(ObjectMapper json) {
        this.json = json;
    }

    public String ready(Visitor visitor, String sessionId) {
        ObjectNode frame = frame("ready").put("site", visitor.site()).put("address", visitor.address())
                .put("sessionId", sessionId).put("verified", visitor.verified());
        if (visitor.displayName() != null) {
            frame.put("displayName", visitor.displayName());
        }
        if (visitor.expiresAt() != null) {
            frame.put("expiresAt", visitor.expiresAt().toString());
        }
        return write(frame);
    }

    /** The replayed conversation, oldest first, as customer-history-service's conversation entries show it. */
    public String history(List<JsonNode> entries) {
        ObjectNode frame = frame("history");
        ArrayNode messages = frame.putArray("messages");
        for (JsonNode entry : entries) {
            ObjectNode message = messages.addObject();
            message.put("direction", "INBOUND".equals(entry.path("direction").asText()) ? "inbound" : "outbound");
            copy(entry, "channel", message, "channel");
            copy(entry, "author", message, "author");
            copy(entry, "text", message, "text");
            copy(entry, "occurredAt", message, "at");
            copy(entry, "deliveryStatus", message, "deliveryStatus");
        }
        return write(frame);
    }

    public String notice(String code, String message) {
        return write(frame("notice").put("code", code).put("message", message));
    }

    public String ack(String clientMessageId, AcceptedMessage accepted) {
        return write(frame("ack").put("clientMessageId", clientMessageId)
                .put("acceptedAt", accepted.acceptedAt().toString()).put("duplicate", accepted.duplicate()));
    }

    /** A frame the widget sent that was not taken; {@code clientMessageId} null when unknown. */
    public String error(String code, String message, String clientMessageId) {
        ObjectNode frame = frame("error").put("code", code).put("message", message);
        if (clientMessageId != null) {
            frame.put("clientMessageId", clientMessageId);
        }
        return write(frame);
    }

    /** An agent's reply or typing state, as pushed to the visitor. */
    public String push(ChatPush push) {
        if (ChatPush.TYPING.equals(push.type())) {
            return write(frame("typing").put("typing", Boolean.TRUE.equals(push.typing())));
        }
        ObjectNode frame = frame("reply").put("outboundId", push.outboundId()).put("text", push.text());
        if (push.at() != null) {
            frame.put("at", push.at().toString());
        }
        return write(frame);
    }

    private ObjectNode frame(String type) {
        return json.createObjectNode().put("type", type);
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(as, value);
        }
    }

    private String write(ObjectNode frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
