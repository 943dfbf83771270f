package io.threadline.gateway.chat;

import io.threadline.gateway.chat.visitor.ChatRefusal;
import io.threadline.gateway.chat.visitor.Visitor;
import io.threadline.gateway.chat.visitor.VisitorTokens;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Visitor tokens: only HS256 with the site's secret, a subject and an expiry in the future. */
class VisitorTokensTest {

    private static final String SECRET = "site-secret-of-thirty-two-bytes-or-more";
    private final VisitorTokens tokens = new VisitorTokens("acme", SECRET);

    @Test
    void aValidTokenNamesTheVisitor() {
        Instant exp = Instant.now().plusSeconds(600);
        Visitor visitor = tokens.verify(VisitorTokenSigner.sign(SECRET, " cust-1042 ", "Alice", exp));

        assertThat(visitor).isEqualTo(new Visitor("acme", "cust-1042", "Alice", true,
                Instant.ofEpochSecond(exp.getEpochSecond())));
    }

    @Test
    void anotherSecretAnotherAlgorithmOrNoSignatureIsRefused() throws Exception {
        Instant exp = Instant.now().plusSeconds(600);
        refused(VisitorTokenSigner.sign("another-secret-of-thirty-two-bytes-too", "cust-1", null, exp), "chat-token-invalid");
        refused(signed(AlgorithmIdentifiers.HMAC_SHA512, claims("cust-1", exp)), "chat-token-invalid");
        String unsigned = base64("{\"alg\":\"none\"}") + "." + base64(claims("cust-1", exp).toJson()) + ".";
        refused(unsigned, "chat-token-invalid");
        refused("garbage", "chat-token-invalid");
    }

    @Test
    void anExpiredTokenOrOneWithoutSubjectOrExpiryIsRefused() throws Exception {
        refused(VisitorTokenSigner.sign(SECRET, "cust-1", null, Instant.now().minusSeconds(60)), "chat-token-expired");
        JwtClaims noExpiry = new JwtClaims();
        noExpiry.setSubject("cust-1");
        refused(signed(AlgorithmIdentifiers.HMAC_SHA256, noExpiry), "chat-token-invalid");
        JwtClaims noSubject = new JwtClaims();
        noSubject.setExpirationTime(NumericDate.fromSeconds(Instant.now().plusSeconds(600).getEpochSecond()));
        refused(signed(AlgorithmIdentifiers.HMAC_SHA256, noSubject), "chat-token-invalid");
    }

    @Test
    void aSecretShorterThan32BytesIsNotAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> new VisitorTokens("weak", "short-secret"))
                .withMessageContaining("32 bytes");
    }

    private void refused(String token, String type) {
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOfSatisfying(ChatRefusal.class, refusal -> {
            assertThat(refusal.type()).isEqualTo(type);
            assertThat(refusal.status()).isEqualTo(401);
            assertThat(refusal.closeCode()).isEqualTo(4401);
        });
    }

    private static JwtClaims claims(String subject, Instant exp) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
        return claims;
    }

    private static String signed(String algorithm, JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8)));
        jws.setDoKeyValidation(false);  // HS512 wants a longer key; the site's own key is what a forger would reuse
        return jws.getCompactSerialization();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
