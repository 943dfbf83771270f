package io.threadline.gateway.social;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparing a presented secret with the configured one in constant time, so it cannot be guessed byte by byte. */
public final class Secrets {

    private Secrets() {
    }

    public static boolean same(String presented, String expected) {
        return presented != null && expected != null && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
