package io.threadline.gateway.chat;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Issues visitor tokens as an integrator's site would: HS256 over sub, name and exp with the site's secret. */
final class VisitorTokenSigner {

    /** The secret of test site {@code members} in application.properties. */
    static final String MEMBERS_SECRET = "test-members-site-secret-0123456789abcdef";

    private VisitorTokenSigner() {
    }

    static String sign(String secret, String subject, String name, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        if (name != null) {
            claims.setStringClaim("name", name);
        }
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
