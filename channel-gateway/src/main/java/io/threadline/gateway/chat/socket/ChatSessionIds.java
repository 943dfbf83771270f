package io.threadline.gateway.chat.socket;

import io.threadline.gateway.chat.visitor.Visitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Chat sessions: the widget keeps a session id for as long as its browser tab lives and sends it again on every
 * reconnect, so one conversation stays on one ticket. The thread reference is derived from the visitor and that id,
 * so a session id copied from someone else never points at their conversation.
 */
final class ChatSessionIds {

    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private ChatSessionIds() {
    }

    /** The widget's session id if it sent a well-formed one, else a new one it will keep. */
    static String sessionOf(String requested) {
        return requested != null && SESSION.matcher(requested).matches() ? requested : UUID.randomUUID().toString();
    }

    /** The {@code chatSessionId} of the visitor's messages in this session. */
    static String threadReference(Visitor visitor, String session) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((visitor.site() + "\n" + visitor.address() + "\n"
                    + session).getBytes(StandardCharsets.UTF_8));
            return "cs-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
