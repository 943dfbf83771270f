package io.threadline.gateway.email.webhook;

import io.threadline.servicekit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The shared secret of an inbound-parse webhook, presented as the password of HTTP Basic authentication (the
 * form providers support in the webhook URL: {@code https://any:SECRET@gateway/...}). Compared in constant time.
 */
final class WebhookSecret {

    private WebhookSecret() {
    }

    static void require(Optional<String> configured, String authorization) {
        if (configured.isEmpty() || configured.get().isBlank()) {
            throw new ProblemException(401, "unauthenticated", "Unauthenticated",
                    "This webhook is closed: no webhook secret is configured");
        }
        String presented = password(authorization);
        if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                configured.get().getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(401, "unauthenticated", "Unauthenticated",
                    "Missing or wrong webhook secret (HTTP Basic password)");
        }
    }

    private static String password(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
