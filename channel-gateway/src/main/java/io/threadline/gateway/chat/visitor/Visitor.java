package io.threadline.gateway.chat.visitor;

import java.time.Instant;

/**
 * Who is on the other end of a chat socket: the site it came through, the chat address it writes from ({@code chat:}
 * identity), a display name if known, whether a site's signed token vouched for it, and until when.
 */
public record Visitor(String site, String address, String displayName, boolean verified, Instant expiresAt) {

    /** The address of an anonymous visitor, from the id the widget keeps in the browser. */
    public static String anonymousAddress(String visitorId) {
        return "visitor-" + visitorId;
    }
}
