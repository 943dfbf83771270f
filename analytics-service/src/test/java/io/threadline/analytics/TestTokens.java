package io.threadline.analytics;

import io.threadline.localstack.auth.DevTokens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Bearer tokens for tests, signed like {@code ./threadline token} does, with the dev key on the test classpath. */
public final class TestTokens {

    private static final PrivateKey DEV_KEY = readDevKey();

    private TestTokens() {
    }

    public static String agent() {
        return bearer("dev-agent", "agent");
    }

    public static String admin() {
        return bearer("dev-admin", "admin");
    }

    private static String bearer(String name, String... roles) {
        return "Bearer " + DevTokens.sign(DEV_KEY, name, List.of(roles), Instant.now(), Duration.ofMinutes(30));
    }

    private static PrivateKey readDevKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/dev/dev-only-jwt-private.pem")) {
            return DevTokens.readPrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
