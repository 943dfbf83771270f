package io.threadline.ticket.testing;

import io.threadline.localstack.auth.DevTokens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Bearer tokens for tests, signed like {@code ./threadline token} does, with the dev key on the classpath. */
public final class TestTokens {

    private static final PrivateKey DEV_KEY = readDevKey();

    private TestTokens() {
    }

    public static String bearer(String name, String... roles) {
        return "Bearer " + DevTokens.sign(DEV_KEY, name, List.of(roles), Instant.now(), Duration.ofMinutes(10));
    }

    /** An agent's token that expired an hour ago. */
    public static String expiredAgent(String name) {
        return "Bearer " + DevTokens.sign(DEV_KEY, name, List.of("agent"), Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));
    }

    public static String agent(String name) {
        return bearer(name, "agent");
    }

    private static PrivateKey readDevKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/dev/dev-only-jwt-private.pem")) {
            return DevTokens.readPrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
