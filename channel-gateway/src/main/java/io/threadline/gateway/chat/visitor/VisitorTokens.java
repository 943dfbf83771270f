package io.threadline.gateway.chat.visitor;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Verifies the visitor tokens a site issues: compact JWTs signed with HS256 and the site's secret, holding the
 * customer's id or address ({@code sub}), an optional display name ({@code name}) and an expiry ({@code exp}).
 * Any JWT library can issue them; only HS256 is accepted, so a token cannot pick a weaker algorithm (or none).
 */
public final class VisitorTokens {

    /** Keys shorter than the hash output would weaken HMAC-SHA256. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final int MAX_ADDRESS_LENGTH = 200;

    private final String site;
    private final JwtConsumer consumer;

    public VisitorTokens(String site, String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the chat secret of site " + site + " is shorter than "
                    + MIN_SECRET_BYTES + " bytes");
        }
        this.site = site;
        this.consumer = new JwtConsumerBuilder()
                .setRequireSubject()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setVerificationKey(new HmacKey(key))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .build();
    }

    /** The visitor the token vouches for; a {@link ChatRefusal} (401) naming what is wrong otherwise. */
    public Visitor verify(String token) {
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            if (e.hasExpired()) {
                throw ChatRefusal.unauthorized("chat-token-expired", "The visitor token has expired; ask the site "
                        + "for a new one");
            }
            throw ChatRefusal.unauthorized("chat-token-invalid", "The visitor token is not a valid HS256 token "
                    + "signed by site " + site + " with sub and exp");
        }
        try {
            String address = claims.getSubject().trim();
            if (address.isEmpty() || address.length() > MAX_ADDRESS_LENGTH || address.startsWith("visitor-")
                    || address.chars().anyMatch(Character::isISOControl)) {
                throw ChatRefusal.unauthorized("chat-token-invalid", "The visitor token's sub must be 1 to "
                        + MAX_ADDRESS_LENGTH + " characters, without control characters, not starting with visitor-");
            }
            String name = claims.getClaimValue("name") instanceof String value && !value.isBlank() ? value.trim() : null;
            return new Visitor(site, address, name, true,
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (MalformedClaimException e) {
            throw ChatRefusal.unauthorized("chat-token-invalid", "The visitor token has malformed claims: "
                    + e.getMessage());
        }
    }
}
