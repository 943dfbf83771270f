package io.threadline.gateway.chat.visitor;

import io.threadline.gateway.chat.ChatConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides who opens a chat socket, from its query ({@code site}, then {@code token} or {@code visitor}) and its
 * {@code Origin}: a visitor the site's signed token vouches for, or an anonymous one known by the random id its
 * widget keeps. Everything else is refused with a reason.
 */
@ApplicationScoped
public class VisitorIdentification {

    private static final Logger LOG = Logger.getLogger(VisitorIdentification.class);
    /** A random id: long enough that nobody guesses another visitor's, safe in keys. */
    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final Map<String, ChatConfig.Site> sites;
    private final Map<String, VisitorTokens> tokens = new HashMap<>();

    public VisitorIdentification(ChatConfig config) {
        this.sites = config.sites();
        sites.forEach((name, site) -> site.secret().filter(secret -> !secret.isBlank()).ifPresent(secret -> {
            try {
                tokens.put(name, new VisitorTokens(name, secret));
            } catch (IllegalArgumentException e) {
                LOG.errorf("Chat site %s accepts no tokens: %s", name, e.getMessage());
            }
        }));
    }

    /** The visitor a socket handshake names: query parameters {@code site}, {@code token}, {@code visitor}. */
    public Visitor identify(HttpServerRequest handshake) {
        return identify(handshake.getParam("site"), handshake.getParam("token"), handshake.getParam("visitor"),
                handshake.getHeader("Origin"));
    }

    /**
     * @param origin the handshake's Origin header, or null (non-browser clients)
     * @throws ChatRefusal naming why the visitor may not chat
     */
    public Visitor identify(String siteName, String token, String visitorId, String origin) {
        if (siteName == null || siteName.isBlank()) {
            throw ChatRefusal.badRequest("chat-site-missing", "Query parameter site is required");
        }
        ChatConfig.Site site = sites.get(siteName);
        if (site == null || !site.enabled()) {
            throw ChatRefusal.forbidden("chat-site-unknown", "No chat site " + siteName + " is configured");
        }
        Optional<java.util.List<String>> origins = site.allowedOrigins();
        if (origins.isPresent() && origin != null && !origins.get().contains(origin)) {
            throw ChatRefusal.forbidden("chat-origin-not-allowed", "Pages from " + origin
                    + " may not open the chat of site " + siteName);
        }
        if (token != null && !token.isBlank()) {
            VisitorTokens verifier = tokens.get(siteName);
            if (verifier == null) {
                throw ChatRefusal.unauthorized("chat-token-invalid", "Site " + siteName + " has no token secret "
                        + "configured, so it cannot vouch for visitors");
            }
            return verifier.verify(token);
        }
        if (!site.anonymous()) {
            throw ChatRefusal.unauthorized("chat-token-required", "Site " + siteName
                    + " requires a visitor token (query parameter token)");
        }
        if (visitorId == null || !VISITOR_ID.matcher(visitorId).matches()) {
            throw ChatRefusal.badRequest("chat-visitor-invalid", "Query parameter visitor (16 to 64 letters, "
                    + "digits, - or _) or token is required");
        }
        return new Visitor(siteName, Visitor.anonymousAddress(visitorId), null, false, null);
    }
}
