package io.threadline.gateway.sms.twilio;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed with the auth token, over the
 * full URL the provider called followed by every POST parameter's name and value, sorted by name.
 */
public final class TwilioSignature {

    private TwilioSignature() {
    }

    public static String of(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            sorted.forEach(value -> data.append(name).append(value));
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(data.toString()
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** Constant-time comparison, so the signature cannot be guessed byte by byte. */
    public static boolean matches(String presented, String authToken, String url, Map<String, List<String>> params) {
        return presented != null && MessageDigest.isEqual(presented.strip().getBytes(StandardCharsets.UTF_8),
                of(authToken, url, params).getBytes(StandardCharsets.UTF_8));
    }
}
