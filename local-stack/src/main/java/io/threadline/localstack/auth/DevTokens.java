package io.threadline.localstack.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for the local stack and tests, signed (RS256) with the DEV-ONLY key checked into ticket-service.
 * A minimal JWT (header.payload.signature) with the claims MicroProfile JWT reads: iss, sub, upn, groups
 * (the roles), iat, exp, jti. Plain JDK and Jackson, so the launcher stays free of Quarkus.
 */
public final class DevTokens {

    public static final String ISSUER = "https://threadline.local";
    /** The dev private key, relative to the repository. */
    public static final Path PRIVATE_KEY = Path.of("ticket-service/src/main/resources/dev/dev-only-jwt-private.pem");
    /** Agents' roles, and {@code service} for one service calling another (e.g. the gateway reading a customer view). */
    public static final List<String> ROLES = List.of("agent", "supervisor", "admin", "service");
    public static final Duration LIFETIME = Duration.ofHours(12);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private DevTokens() {
    }

    /** A token for {@code subject} holding the given roles, valid from {@code issuedAt} for {@code lifetime}. */
    public static String sign(PrivateKey key, String subject, List<String> roles, Instant issuedAt, Duration lifetime) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", roles);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = part(header) + "." + part(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the dev key", e);
        }
    }

    /** A token of one role for a dev user named after it ({@code dev-agent}) unless a name is given. */
    public static String forRole(PrivateKey key, String role, String subject) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("Unknown role '" + role + "'; one of " + ROLES);
        }
        return sign(key, subject == null ? "dev-" + role : subject, List.of(role), Instant.now(), LIFETIME);
    }

    /**
     * A token of one role signed with the dev key of the repository that holds the working directory (or one of its
     * parents): for the demo, the end-to-end test and the benchmark, which read the agent API of the local stack.
     */
    public static String forRoleInRepository(String role, String subject) {
        return forRole(repositoryKey(), role, subject);
    }

    /**
     * A token for one service of the local stack calling another (the gateway reading a chat visitor's history with
     * role {@code service}, a read model reading the replay source with role {@code admin}), valid as long as a
     * stack may run: a year.
     */
    public static String stackTokenInRepository(String subject, String role) {
        return sign(repositoryKey(), subject, List.of(role), Instant.now(), Duration.ofDays(365));
    }

    private static PrivateKey repositoryKey() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path key = dir.resolve(PRIVATE_KEY);
            if (java.nio.file.Files.isRegularFile(key)) {
                try {
                    return readPrivateKey(java.nio.file.Files.readString(key));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("Cannot read the dev key " + key, e);
                }
            }
        }
        throw new IllegalStateException("No " + PRIVATE_KEY + " above " + Path.of("").toAbsolutePath()
                + ": run from inside the Threadline repository");
    }

    /** Reads an unencrypted PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}). */
    public static PrivateKey readPrivateKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a PKCS#8 PEM RSA private key", e);
        }
    }

    private static String part(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
