package io.threadline.localstack.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's dev tokens are RS256 JWTs that the checked-in dev public key verifies. */
class DevTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PrivateKey privateKey;
    private static PublicKey publicKey;

    @BeforeAll
    static void readDevKeys() throws IOException, GeneralSecurityException {
        Path repository = repositoryRoot();
        privateKey = DevTokens.readPrivateKey(Files.readString(repository.resolve(DevTokens.PRIVATE_KEY)));
        String publicPem = Files.readString(repository.resolve(DevTokens.PRIVATE_KEY).resolveSibling(
                "dev-only-jwt-public.pem"));
        byte[] der = Base64.getDecoder().decode(publicPem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                .replaceAll("\\s", ""));
        publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    @Test
    void tokenIsSignedByTheDevKeyPair() throws GeneralSecurityException {
        String[] parts = DevTokens.forRole(privateKey, "agent", null).split("\\.");
        assertThat(parts).hasSize(3);

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void tamperedPayloadNoLongerVerifies() throws Exception {
        String[] parts = DevTokens.forRole(privateKey, "agent", null).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                decode(parts[1]).toString().replace("\"agent\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey);
        rs256.update((parts[0] + "." + forged).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isFalse();
    }

    @Test
    void claimsNameIssuerSubjectRoleAndLifetime() throws IOException {
        Instant issued = Instant.parse("2026-11-02T09:00:00Z");
        String token = DevTokens.sign(privateKey, "bob", List.of("supervisor"), issued, Duration.ofHours(1));
        String[] parts = token.split("\\.");

        JsonNode header = decode(parts[0]);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        JsonNode claims = decode(parts[1]);
        assertThat(claims.path("iss").asText()).isEqualTo("https://threadline.local");
        assertThat(claims.path("upn").asText()).isEqualTo("bob");
        assertThat(claims.path("groups").get(0).asText()).isEqualTo("supervisor");
        assertThat(claims.path("iat").asLong()).isEqualTo(issued.getEpochSecond());
        assertThat(claims.path("exp").asLong()).isEqualTo(issued.getEpochSecond() + 3600);
    }

    @Test
    void roleTokenIsNamedAfterItsRoleUnlessANameIsGiven() throws IOException {
        assertThat(decode(DevTokens.forRole(privateKey, "admin", null).split("\\.")[1]).path("sub").asText())
                .isEqualTo("dev-admin");
        assertThat(decode(DevTokens.forRole(privateKey, "agent", "alice").split("\\.")[1]).path("sub").asText())
                .isEqualTo("alice");
    }

    @Test
    void unknownRoleIsRefused() {
        assertThatThrownBy(() -> DevTokens.forRole(privateKey, "customer", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer");
    }

    private static JsonNode decode(String part) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DevTokens.PRIVATE_KEY))) {
                return dir;
            }
        }
        throw new IllegalStateException("No " + DevTokens.PRIVATE_KEY + " in the working directory or above it");
    }
}
