package io.threadline.gateway.chat.push;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Something for a visitor's open sockets, on topic {@code chat.push} (key: the chat address) where every gateway
 * replica reads it: an agent's reply ({@code outboundId}, {@code text}) or the agent's typing state. Internal to the
 * gateway; visitors without an open socket get replies from the history when they come back.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatPush(String type, String address, String outboundId, String text, Boolean typing, Instant at) {

    public static final String REPLY = "reply";
    public static final String TYPING = "typing";

    public static ChatPush reply(String address, String outboundId, String text, Instant at) {
        return new ChatPush(REPLY, address, outboundId, text, null, at);
    }

    public static ChatPush typing(String address, boolean typing) {
        return new ChatPush(TYPING, address, null, null, typing, Instant.now());
    }
}
