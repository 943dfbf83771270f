package io.threadline.gateway.social.meta;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Meta's webhook signature ({@code X-Hub-Signature-256}): {@code sha256=} and the lowercase hex HMAC-SHA256 of the
 * raw request body, keyed with the app secret. Computed over the bytes as received: re-serialized JSON would differ
 * (Meta escapes non-ASCII characters as {@code \\uXXXX}).
 */
public final class MetaSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private MetaSignature() {
    }

    public static String of(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison; the hex digits may come in either case. */
    public static boolean matches(String presented, String appSecret, byte[] body) {
        return presented != null && MessageDigest.isEqual(presented.strip().toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII), of(appSecret, body).getBytes(StandardCharsets.US_ASCII));
    }
}
