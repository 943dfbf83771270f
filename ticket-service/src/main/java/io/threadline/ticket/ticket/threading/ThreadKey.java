package io.threadline.ticket.ticket.threading;

import java.util.Locale;

/** One key of the {@link ThreadIndex}, typed by what it is so keys of different kinds never collide. */
public record ThreadKey(String value) {

    /** An email Message-ID, compared without angle brackets and case (mail systems vary on both). */
    public static ThreadKey emailMessageId(String messageId) {
        String bare = messageId.trim();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return new ThreadKey("email-message-id:" + bare.toLowerCase(Locale.ROOT));
    }

    public static ThreadKey ticketNumber(String ticketNumber) {
        return new ThreadKey("ticket-number:" + ticketNumber.toUpperCase(Locale.ROOT));
    }

    public static ThreadKey chatSession(String sessionId) {
        return new ThreadKey("chat-session:" + sessionId);
    }

    public static ThreadKey conversation(String channel, String conversationId) {
        return new ThreadKey("conversation:" + channel + ":" + conversationId);
    }

    /** A customer message already recorded, by its derived message id: a redelivery finds its ticket. */
    public static ThreadKey message(String messageId) {
        return new ThreadKey("message:" + messageId);
    }

    /** An agent's reply, by outbound id: its delivery receipt finds the ticket. */
    public static ThreadKey outbound(String outboundId) {
        return new ThreadKey("outbound:" + outboundId);
    }
}
